package receivables.api.people;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import receivables.api.TenantId;
import receivables.api.audit.Actor;

/**
 * A person or machine credential acting for one tenant.
 *
 * @param tenant the tenant the request acts for
 * @param actor  who the audit trail records: {@link Actor.Kind#USER} for a person,
 *               {@link Actor.Kind#CREDENTIAL} for a machine credential
 * @param roles  what the caller may do; may be empty, then the caller reaches no endpoint that needs a role
 */
public record Caller(TenantId tenant, Actor actor, Set<Role> roles) implements Principal {

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Whether the caller holds {@code role}. */
    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
