package receivables.api.collections;

/** Which of a customer's amounts an assignment rule's range is about; the database stores the name, so none is renamed. */
public enum AmountBasis {
    /** Everything open on its issued invoices, due or not. */
    OPEN,
    /** What is open and past its due date. */
    OVERDUE
}
