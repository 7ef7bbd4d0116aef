package receivables.api.statement;

import java.util.Objects;

/**
 * A statement file breaks its format, or holds a value that cannot be taken exactly. Says where: a line
 * number for line-based formats, an element path such as {@code Stmt[2]/Ntry[5]/Amt} for XML.
 */
public class MalformedStatementException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String location;

    public MalformedStatementException(String location, String problem) {
        this(location, problem, null);
    }

    public MalformedStatementException(String location, String problem, Throwable cause) {
        super(Objects.requireNonNull(location, "location") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.location = location;
    }

    /** Where the fault is, e.g. {@code line 14} or {@code Stmt[2]/Ntry[5]/Amt}. */
    public String location() {
        return location;
    }
}
