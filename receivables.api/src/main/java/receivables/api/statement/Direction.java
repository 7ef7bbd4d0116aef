package receivables.api.statement;

/** Which way a statement line moves money on the statement's account. */
public enum Direction {
    /** Money came in. */
    CREDIT,
    /** Money went out. */
    DEBIT
}
