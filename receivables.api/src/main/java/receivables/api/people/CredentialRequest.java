package receivables.api.people;

import java.time.Instant;
import java.util.Set;

/**
 * What a tenant admin asks for when issuing a machine credential.
 *
 * @param name      1 to 100 printable characters, not yet used by another of the tenant's credentials
 * @param roles     at least one role
 * @param expiresAt from when it is refused, in the future; {@code null} for a credential that does not expire
 */
public record CredentialRequest(String name, Set<Role> roles, Instant expiresAt) {
}
