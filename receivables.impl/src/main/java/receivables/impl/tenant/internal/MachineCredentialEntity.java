package receivables.impl.tenant.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.audit.Actor;
import receivables.api.people.MachineCredential;
import receivables.api.people.Role;
import receivables.impl.audit.internal.Audited;
import receivables.impl.audit.internal.PersonalData;
import receivables.impl.persistence.internal.TenantOwned;

/**
 * A machine credential as stored. Its last use is written by {@link StoredMachineCredentials} with a statement of
 * its own, not through this entity, so that using a credential is no change in the audit trail.
 */
@Audited("credential")
@Entity(name = "MachineCredential")
@Table(name = "machine_credential")
public class MachineCredentialEntity extends TenantOwned {

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String name;

    /** The role names, comma-separated. */
    @Column(nullable = false, length = 200)
    private String roles;

    // Withheld from the trail like personal data: the trail shows that it was set, never the hash.
    @PersonalData
    @Column(name = "secret_hash", nullable = false, length = 200)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by_kind", nullable = false, length = 20)
    private String createdByKind;

    @Column(name = "created_by", nullable = false, length = 200)
    private String createdBy;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by_kind", length = 20)
    private String revokedByKind;

    @Column(name = "revoked_by", length = 200)
    private String revokedBy;

    protected MachineCredentialEntity() {
    }

    MachineCredentialEntity(UUID id, String name, Set<Role> roles, ApiKeyHash secretHash, Instant createdAt,
            Actor createdBy, Instant expiresAt) {
        this.id = id;
        this.name = name;
        this.roles = roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
        this.secretHash = secretHash.toString();
        this.createdAt = createdAt;
        this.createdByKind = createdBy.kind().name();
        this.createdBy = createdBy.id();
        this.expiresAt = expiresAt;
    }

    void revoke(Instant at, Actor by) {
        if (revokedAt == null) {
            this.revokedAt = at;
            this.revokedByKind = by.kind().name();
            this.revokedBy = by.id();
        }
    }

    ApiKeyHash secretHash() {
        return ApiKeyHash.parse(secretHash).orElseThrow(() -> new IllegalStateException("credential " + id
                + " has a malformed hash"));
    }

    MachineCredential toValue() {
        EnumSet<Role> held = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(role -> !role.isBlank()).map(Role::valueOf).forEach(held::add);
        return new MachineCredential(id, name, held, createdAt, new Actor(Actor.Kind.valueOf(createdByKind), createdBy),
                expiresAt, lastUsedAt, revokedAt,
                revokedBy == null ? null : new Actor(Actor.Kind.valueOf(revokedByKind), revokedBy));
    }
}
