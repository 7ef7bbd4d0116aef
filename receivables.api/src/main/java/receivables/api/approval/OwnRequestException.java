package receivables.api.approval;

import receivables.api.ReceivablesException;

/** Someone tried to approve a request they made themselves: a second person must approve it. Nothing changed. */
public class OwnRequestException extends ReceivablesException {

    private static final long serialVersionUID = 1L;

    public OwnRequestException(String message) {
        super(message);
    }
}
