package receivables.api.statement;

import java.io.InputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One bank-statement file format. Implementations are registered as services with the property
 * {@code statement.format} set to their {@link #id()}.
 */
@ConsumerType
public interface StatementFormat {

    /** The format's name, e.g. {@code camt.053}, {@code camt.054}, {@code mt940}. */
    String id();

    /**
     * Whether a file that starts with {@code head} (its first few kilobytes, possibly cut in the middle
     * of a line or character) is in this format. Cheap and free of side effects; never throws.
     */
    boolean recognises(byte[] head);

    /**
     * Reads a whole file and calls {@code sink} for every statement and every booked line in file order.
     * Holds at most one entry in memory, whatever the size of the file. Does not close {@code in}.
     *
     * @throws MalformedStatementException when the file breaks the format or a value cannot be taken
     *         exactly (an amount with more decimals than its currency has); what the sink received
     *         before stays valid, but the file as a whole must be treated as not imported
     * @throws java.io.UncheckedIOException when reading {@code in} fails
     */
    void read(InputStream in, StatementSink sink) throws MalformedStatementException;
}
