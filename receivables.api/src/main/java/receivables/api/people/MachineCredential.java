package receivables.api.people;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import receivables.api.audit.Actor;

/**
 * A named credential a machine (an ERP, a shop, a script) authenticates with, as listed: never its secret, which
 * is stored only as a salted hash and shown once, when it is issued.
 *
 * @param id         how the trail names it ({@code credential:<id>}) and how it is revoked
 * @param name       what the tenant calls it, unique in the tenant for good, so that the trail stays readable
 * @param roles      what it may do
 * @param createdAt  when it was issued
 * @param createdBy  who issued it
 * @param expiresAt  from when it is refused; {@code null} when it does not expire
 * @param lastUsedAt when it last authenticated a request, to within a minute; {@code null} when never
 * @param revokedAt  when it was revoked; {@code null} while it is not
 * @param revokedBy  who revoked it; {@code null} while it is not revoked
 */
public record MachineCredential(UUID id, String name, Set<Role> roles, Instant createdAt, Actor createdBy,
        Instant expiresAt, Instant lastUsedAt, Instant revokedAt, Actor revokedBy) {

    public MachineCredential {
        Objects.requireNonNull(id, "id");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Whether it authenticates requests at {@code now}: neither revoked nor expired. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
