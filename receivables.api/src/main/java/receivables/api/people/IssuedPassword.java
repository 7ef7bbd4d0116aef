package receivables.api.people;

import java.time.Instant;

/**
 * A one-time password a tenant admin hands to a user: it is shown this once, never stored in clear, works until
 * {@code expiresAt}, and must be replaced by a password of the user's own at their next sign-in.
 */
public record IssuedPassword(User user, String oneTimePassword, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedPassword[user=" + user + ", expiresAt=" + expiresAt + "]";
    }
}
