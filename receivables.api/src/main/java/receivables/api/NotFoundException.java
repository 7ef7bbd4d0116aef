package receivables.api;

/**
 * The named thing does not exist for the calling tenant (whether it exists for another is never told).
 */
public class NotFoundException extends ReceivablesException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " does not exist");
    }
}
