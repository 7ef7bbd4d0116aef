package receivables.api.invoice;

/**
 * RUNNING while orders are being invoiced, also while a run whose node stopped or died waits to be resumed by
 * another node; COMPLETED when every order was tried (some may have failed); INTERRUPTED when an unexpected
 * failure stopped it (start a new run: invoicing is idempotent per order).
 */
public enum BillingRunStatus {
    RUNNING, COMPLETED, INTERRUPTED
}
