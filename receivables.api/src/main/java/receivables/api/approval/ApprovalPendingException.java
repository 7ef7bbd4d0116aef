package receivables.api.approval;

import java.util.Objects;

import receivables.api.ReceivablesException;

/**
 * The command did not take effect: it needs a second person's approval and waits as {@link #request()}, which was
 * committed before this was thrown. Asking again under the same idempotency key, or for the same write-off while
 * it waits, answers the same request.
 */
public class ApprovalPendingException extends ReceivablesException {

    private static final long serialVersionUID = 1L;

    private final transient ApprovalRequest request;

    public ApprovalPendingException(ApprovalRequest request) {
        super(Objects.requireNonNull(request, "request").kind() + " waits for approval as request " + request.id());
        this.request = request;
    }

    public ApprovalRequest request() {
        return request;
    }
}
