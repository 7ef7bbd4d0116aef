package receivables.api.intent;

/** Where a refund of an intent stands: PENDING until the provider confirms it, then SUCCEEDED, or FAILED for good. */
public enum IntentRefundStatus {
    /** Asked for; the provider has not confirmed it yet (it is retried with backoff while it cannot be reached). */
    PENDING,
    /** The provider paid the money back; the ledger records it as a refund of the intent's payment. */
    SUCCEEDED,
    /** The provider refused, or could not be reached in all the attempts allowed. */
    FAILED
}
