package receivables.api.statement;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives what a {@link StatementFormat} reads, in file order: a statement's header, its lines, its
 * end; then the next statement's header, lines and end.
 */
@ConsumerType
public interface StatementSink {

    /**
     * A statement begins. The header holds what the file says before the statement's first line; in
     * formats that put the closing balance after the lines (MT940) its {@code closingBalance} and
     * {@code to} are still {@code null} here and arrive with {@link #end(StatementHeader)}.
     */
    void statement(StatementHeader header);

    /** One booked line of the statement most recently begun. */
    void line(StatementLine line);

    /**
     * The statement most recently begun has no more lines; {@code header} is complete, including what
     * the file says after the lines. Does nothing unless overridden.
     */
    default void end(StatementHeader header) {
    }

    /**
     * The file bends its format at {@code location} (e.g. {@code line 14}) in a way the reader could take
     * without doubt, e.g. 30 February read as the month's last day; {@code message} says what was read how,
     * for the people who import it. Ignored unless overridden.
     */
    default void warning(String location, String message) {
    }
}
