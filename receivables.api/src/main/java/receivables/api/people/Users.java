package receivables.api.people;

import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;

/**
 * The built-in users of a tenant, as its tenant admins manage them. Every change is audited. Passwords are set
 * only as one-time passwords that the user replaces at their next sign-in, so that no admin ever knows a user's
 * own password.
 */
@ProviderType
public interface Users {

    Page<User> list(TenantId tenant, PageRequest page);

    Optional<User> find(TenantId tenant, UUID id);

    /** Creates the user with a one-time password. */
    IssuedPassword create(TenantId tenant, UserRequest request);

    /**
     * Changes the user's display name, e-mail, roles and whether they are enabled; disabling them ends their
     * sessions.
     *
     * @param expectedVersion the version the change was based on, or {@code null} to change whatever is stored
     */
    User update(TenantId tenant, UUID id, UserRequest request, Long expectedVersion);

    /** Removes the user and ends their sessions. The audit trail keeps what they did, under their id. */
    void delete(TenantId tenant, UUID id);

    /** Replaces the user's password by a one-time password and ends their sessions: they forgot theirs. */
    IssuedPassword resetPassword(TenantId tenant, UUID id);

    /** Removes the user's second factor: they lost their authenticator. They enrol again after signing in. */
    User removeSecondFactor(TenantId tenant, UUID id);
}
