package receivables.api.approval;

import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.audit.Actor;

/**
 * The tenant's approval requests. Requests arise where the commands are given ({@code WriteOffs},
 * {@code CreditNotes}, {@code CustomerAccounts} throw {@link ApprovalPendingException}); here they are read and
 * decided. Every request and decision is in the audit trail, in the transaction that made it.
 */
@ProviderType
public interface Approvals {

    /** The requests in {@code status} (all when {@code null}), oldest first. */
    Page<ApprovalRequest> list(TenantId tenant, ApprovalStatus status, PageRequest page);

    Optional<ApprovalRequest> find(TenantId tenant, UUID id);

    /**
     * Approves the request and carries out its command, both in one transaction, so that the command takes effect
     * once at most.
     *
     * @throws OwnRequestException when {@code approver} asked for it
     * @throws receivables.api.ConflictException when it was decided already, or its command no longer fits (the
     *         invoice was paid or credited meanwhile, the customer's limit changed): it stays pending, to be rejected
     * @throws receivables.api.NotFoundException when the tenant has no such request
     */
    ApprovalRequest approve(TenantId tenant, UUID id, Actor approver, String note);

    /**
     * Rejects the request: its command never takes effect. The requester may reject (withdraw) their own.
     *
     * @throws receivables.api.ConflictException when it was decided already
     * @throws receivables.api.NotFoundException when the tenant has no such request
     */
    ApprovalRequest reject(TenantId tenant, UUID id, Actor decider, String note);
}
