package receivables.api.provider;

/** Where a payment stands at the channel. */
public enum ProviderOutcome {
    /** Not paid yet; the payer may still pay. */
    PENDING,
    SUCCEEDED,
    /** The payment failed and will not succeed. */
    FAILED,
    /** Closed before it was paid. */
    CANCELED,
    /** The payer did not pay in time. */
    EXPIRED,
    /** The channel does not know the payment (never reached it). */
    UNKNOWN
}
