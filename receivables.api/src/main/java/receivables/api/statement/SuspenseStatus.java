package receivables.api.statement;

/** Where a suspense item stands. */
public enum SuspenseStatus {
    /** Waits for a clerk. */
    OPEN,
    /** A clerk matched it; its payment is recorded. */
    MATCHED,
    /** A clerk decided it is no customer's payment, and said why. */
    DISMISSED
}
