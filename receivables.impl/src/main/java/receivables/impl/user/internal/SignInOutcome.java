package receivables.impl.user.internal;

import receivables.api.people.User;

/** How an attempt to sign in ended. */
public sealed interface SignInOutcome {

    /** Signed in: the session's cookie, and the user as they are now. */
    record SignedIn(SessionCookie cookie, User user) implements SignInOutcome {
    }

    /** The user name and password do not match a user who may sign in; the same answer whatever was wrong. */
    record Refused() implements SignInOutcome {
    }

    /** The password is right and the user has a second factor: the attempt must come again with a TOTP code. */
    record SecondFactorRequired() implements SignInOutcome {
    }

    /** The password is a one-time password: the attempt must come again with a new password of the user's own. */
    record PasswordChangeRequired() implements SignInOutcome {
    }

    /**
     * Too many failures of this user name: no attempt is heard for {@code retryAfterSeconds}.
     *
     * @param lockedOut whether this is the lockout rather than the short backoff between failures
     */
    record Blocked(long retryAfterSeconds, boolean lockedOut) implements SignInOutcome {
    }
}
