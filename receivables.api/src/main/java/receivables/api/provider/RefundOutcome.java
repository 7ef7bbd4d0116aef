package receivables.api.provider;

/** Where a refund stands at the channel. */
public enum RefundOutcome {
    /** The channel took the refund and will confirm it later; the core asks again. */
    PENDING,
    /** The money went back to the payer: the core takes it off the ledger. */
    SUCCEEDED,
    /** The channel will not pay it back; the intent keeps its money. */
    FAILED
}
