package receivables.api.collections;

/** Where a promise to pay stands; the database stores the name, so none is renamed. */
public enum PromiseStatus {
    /** Its date has not passed: the customer is not dunned until then. */
    OPEN,
    /** Payments since it was made reached the promised amount by its date. */
    KEPT,
    /** Its date passed short of the promised amount: dunning resumes and the case escalates. */
    BROKEN
}
