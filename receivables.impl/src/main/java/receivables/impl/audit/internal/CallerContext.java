package receivables.impl.audit.internal;

import receivables.api.audit.Actor;

/**
 * Who is making the changes of the current unit of work, and from where.
 *
 * @param actor         the credential (later: the person) that authenticated the request, or the system
 * @param clientAddress the request's remote address; {@code null} outside a request
 * @param requestId     the request's id; {@code null} outside a request
 */
public record CallerContext(Actor actor, String clientAddress, String requestId) {

    /** Work no request asked for: background runs, configuration read from files. */
    public static final CallerContext BACKGROUND = new CallerContext(Actor.system("background"), null, null);

    public CallerContext withActor(Actor other) {
        return new CallerContext(other, clientAddress, requestId);
    }
}
