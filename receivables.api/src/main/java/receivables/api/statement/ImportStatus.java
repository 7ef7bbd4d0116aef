package receivables.api.statement;

/** Where a statement import stands. */
public enum ImportStatus {
    /** The file is being checked or its lines imported. */
    RUNNING,
    /** Every line was read and is matched, suspended, skipped or known from an earlier import. */
    COMPLETED,
    /** The file breaks its format: nothing of it was imported. */
    REJECTED,
    /** The import stopped part-way (the node stopped, the database failed); the lines imported so far stay. */
    FAILED
}
