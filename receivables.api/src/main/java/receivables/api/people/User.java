package receivables.api.people;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A built-in user of the standalone host: someone who signs in with a user name and a password, and a TOTP code
 * once they enrolled a second factor.
 *
 * @param id                     stable id; the audit trail names the user by it
 * @param username               unique within the tenant, lower case
 * @param displayName            how the UI names them
 * @param email                  personal data: encrypted at rest, left out of {@link #toString()}; may be {@code null}
 * @param roles                  what they may do
 * @param enabled                a disabled user cannot sign in, and their sessions end
 * @param totpEnabled            whether sign-in asks for a TOTP code
 * @param passwordChangeRequired whether their password is a one-time password a tenant admin set
 * @param version                for optimistic updates
 */
public record User(UUID id, String username, String displayName, String email, Set<Role> roles, boolean enabled,
        boolean totpEnabled, boolean passwordChangeRequired, long version, Instant createdAt, Instant updatedAt) {

    public User {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", roles=" + roles + ", enabled=" + enabled
                + ", totpEnabled=" + totpEnabled + ", personal data withheld]";
    }
}
