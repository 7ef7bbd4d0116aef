package receivables.impl.persistence.internal;

/**
 * The database cannot be reached or is not yet set up; the request may succeed later.
 */
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
