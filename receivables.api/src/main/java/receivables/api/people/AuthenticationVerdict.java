package receivables.api.people;

import java.util.Objects;

/**
 * What one {@link CallerAuthentication} makes of a request.
 */
public sealed interface AuthenticationVerdict {

    /** The request presented credentials of this authentication's kind, and they hold. */
    record Authenticated(Principal principal) implements AuthenticationVerdict {

        public Authenticated {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /**
     * The request presented credentials of this authentication's kind, and they do not hold (unknown, expired,
     * revoked, badly signed). The request is refused with 401 unless another authentication accepts it, and the
     * failure counts toward the client address's lockout.
     *
     * @param reason why, for the host's log only: the client is never told
     */
    record Rejected(String reason) implements AuthenticationVerdict {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The request presented nothing this authentication understands; the next one is asked. */
    record Abstained() implements AuthenticationVerdict {
    }

    static AuthenticationVerdict authenticated(Principal principal) {
        return new Authenticated(principal);
    }

    static AuthenticationVerdict rejected(String reason) {
        return new Rejected(reason);
    }

    static AuthenticationVerdict abstained() {
        return new Abstained();
    }
}
