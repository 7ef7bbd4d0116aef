package receivables.api.history;

/** Where a history import stands once its file was found valid; an invalid file never becomes an import. */
public enum HistoryImportStatus {
    /** Its records are being stored, or wait to be resumed by another node after its node died. */
    RUNNING,
    /** Every record is stored or was stored before, and what is still open is journalled. */
    COMPLETED,
    /** An unexpected failure stopped it part-way; the records stored so far stay, and importing the file again goes on. */
    FAILED
}
