package receivables.api.people;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;
import receivables.api.audit.Actor;

/**
 * The machine credentials of each tenant: several at a time, so that a client can move to a new one before the old
 * one is revoked. Issuing and revoking are recorded in the audit trail.
 */
@ProviderType
public interface MachineCredentials {

    /**
     * Issues a credential with a fresh 256-bit secret.
     *
     * @throws receivables.api.InvalidRequestException when the name, the roles or the expiry are not acceptable
     * @throws receivables.api.ConflictException when the tenant already has a credential of that name
     */
    IssuedCredential issue(TenantId tenant, CredentialRequest request, Actor issuedBy);

    /** The tenant's credentials, revoked and expired ones included, newest first; never a secret. */
    List<MachineCredential> list(TenantId tenant);

    /**
     * Revokes the credential: every request presenting it is refused from now on. Revoking again changes nothing.
     *
     * @throws receivables.api.NotFoundException when the tenant has no such credential
     */
    MachineCredential revoke(TenantId tenant, UUID id, Actor revokedBy);
}
