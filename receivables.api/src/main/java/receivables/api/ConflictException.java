package receivables.api;

/**
 * The request is well formed but collides with the current state: a stale version, a duplicate
 * business key. Nothing was changed; the client may re-read and retry.
 */
public class ConflictException extends ReceivablesException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
