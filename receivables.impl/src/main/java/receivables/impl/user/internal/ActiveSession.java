package receivables.impl.user.internal;

import receivables.api.audit.Actor;
import receivables.api.people.Caller;
import receivables.api.people.User;

/** A session that is still valid, with its user as they are now. */
public record ActiveSession(SessionCookie cookie, User user) {

    /** Whom requests of this session act as. */
    public Caller caller() {
        return new Caller(cookie.tenant(), userActor(user), user.roles());
    }

    /** How the audit trail names a built-in user: by id, which never changes. */
    static Actor userActor(User user) {
        return new Actor(Actor.Kind.USER, user.id().toString());
    }
}
