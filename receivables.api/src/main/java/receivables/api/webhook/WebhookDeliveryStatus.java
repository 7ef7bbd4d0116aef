package receivables.api.webhook;

/** Where a delivery stands; the database stores the name, so none is renamed. */
public enum WebhookDeliveryStatus {
    /** Not delivered yet: the next attempt is due at {@link WebhookDelivery#nextAttemptAt()}. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed; a replay makes it pending again. */
    FAILED
}
