package receivables.impl.history.internal;

/** Where a reader hands what it reads of a history file: each record that reads well, and each wrong field. */
interface HistorySink {

    void record(HistoryRecord record);

    /**
     * A field that does not read as its kind of record needs it.
     *
     * @param line  the line of the file the record (or the fault) starts on
     * @param field the field as the file names it, or {@code record} or {@code body} for the record or file as a whole
     */
    void violation(long line, String field, String message);

    /**
     * A record that had wrong fields, each reported before: what names it is not wrong for that too. A sink that
     * refuses the file at the first violation never hears of it.
     *
     * @param sourceId its source id, {@code null} when that was wrong
     */
    default void wrong(HistoryRecord.Kind kind, String sourceId) {
    }
}
