package receivables.api.history;

/** How a history file is written; both hold the same records with the same field names. */
public enum HistoryFormat {
    /** One record a line, under a header line that names the columns, the first of them {@code record}. */
    CSV,
    /** One object with the arrays {@code customers}, {@code invoices} and {@code payments}. */
    JSON
}
