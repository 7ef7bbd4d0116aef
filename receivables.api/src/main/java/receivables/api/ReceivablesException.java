package receivables.api;

/**
 * The typed failures of receivables services. The REST edge maps each subtype to one HTTP status.
 */
public abstract class ReceivablesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ReceivablesException(String message) {
        super(message);
    }
}
