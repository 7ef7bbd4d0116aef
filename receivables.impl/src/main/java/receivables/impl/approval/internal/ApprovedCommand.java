package receivables.impl.approval.internal;

import java.util.UUID;

import org.hibernate.Session;

import receivables.api.TenantId;
import receivables.api.approval.ApprovalKind;
import receivables.impl.persistence.internal.UnitOfWork;

/**
 * Carries out one kind of approved command: registered by the component that owns the command, so that approving
 * reaches the ledger and the customers without this package knowing them.
 */
public interface ApprovedCommand {

    ApprovalKind kind();

    /**
     * Carries the request's command out in the approver's transaction, exactly as it was asked for, never asking
     * for approval again.
     *
     * @return the id of what it made (the write-off, the credit note) or changed (the customer)
     * @throws receivables.api.ConflictException when the command no longer fits what the books hold now
     */
    UUID carryOut(Session session, UnitOfWork tx, TenantId tenant, ApprovalRequestEntity request);
}
