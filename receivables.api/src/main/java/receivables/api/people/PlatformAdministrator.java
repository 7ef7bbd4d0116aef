package receivables.api.people;

import java.util.Objects;

import receivables.api.audit.Actor;

/**
 * Someone who runs the installation and manages its tenants (their configuration, their enablement) from outside
 * them. A platform administrator is no member of any tenant: the tenant API refuses them, so that running the
 * platform never silently grants access to a tenant's books.
 *
 * @param actor how the audit trail names them
 */
public record PlatformAdministrator(Actor actor) implements Principal {

    public PlatformAdministrator {
        Objects.requireNonNull(actor, "actor");
    }
}
