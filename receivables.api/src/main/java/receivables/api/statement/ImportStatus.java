package receivables.api.statement;

/** Where a statement import stands. */
public enum ImportStatus {
    /** The file is being checked or its lines imported, or waits to be resumed by another node after its node died. */
    RUNNING,
    /** Every line was read and is matched, suspended, skipped or known from an earlier import. */
    COMPLETED,
    /** The file breaks its format: nothing of it was imported. */
    REJECTED,
    /** An unexpected failure stopped the import part-way; the lines imported so far stay. */
    FAILED
}
