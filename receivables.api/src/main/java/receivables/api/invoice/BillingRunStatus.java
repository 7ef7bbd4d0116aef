package receivables.api.invoice;

/**
 * RUNNING while orders are being invoiced; COMPLETED when every order was tried (some may have failed);
 * INTERRUPTED when the node running it stopped first (start a new run: invoicing is idempotent per order).
 */
public enum BillingRunStatus {
    RUNNING, COMPLETED, INTERRUPTED
}
