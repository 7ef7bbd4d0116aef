package receivables.api.approval;

/** What an approval request, once approved, carries out. */
public enum ApprovalKind {
    /** A bad-debt write-off of everything the invoice had open when it was asked for. */
    WRITE_OFF,
    /** A credit note of the amount asked for on the invoice. */
    CREDIT_NOTE,
    /** A customer's credit limit raised from the limit it had when asked (or the limit taken away). */
    CREDIT_LIMIT_INCREASE
}
