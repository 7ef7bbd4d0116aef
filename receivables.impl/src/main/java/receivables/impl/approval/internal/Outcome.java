package receivables.impl.approval.internal;

import receivables.api.approval.ApprovalPendingException;
import receivables.api.approval.ApprovalRequest;

/**
 * What a transaction that may have to wait for approval did: carried the command out, or committed an approval
 * request instead. The caller tells which once the transaction has committed, so that the request stays.
 */
public record Outcome<T>(T done, ApprovalRequest waiting) {

    public static <T> Outcome<T> done(T done) {
        return new Outcome<>(done, null);
    }

    public static <T> Outcome<T> waiting(ApprovalRequest request) {
        return new Outcome<>(null, request);
    }

    /**
     * @return what the command did
     * @throws ApprovalPendingException when it waits for approval instead
     */
    public T orAwaitApproval() {
        if (waiting != null) {
            throw new ApprovalPendingException(waiting);
        }
        return done;
    }
}
