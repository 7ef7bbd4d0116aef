package receivables.api.people;

import receivables.api.audit.Actor;

/**
 * Whom an authenticated request acts as: a {@link Caller} inside one tenant, or a
 * {@link PlatformAdministrator} who manages tenants from outside them. The two are different kinds on purpose:
 * no tenant role reaches beyond its tenant, and a platform administrator holds no tenant role.
 */
public sealed interface Principal permits Caller, PlatformAdministrator {

    /** How the audit trail names this principal. */
    Actor actor();
}
