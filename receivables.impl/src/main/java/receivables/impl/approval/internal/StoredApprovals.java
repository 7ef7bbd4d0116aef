package receivables.impl.approval.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jakarta.persistence.LockModeType;

import receivables.api.ConflictException;
import receivables.api.EventTopics;
import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.approval.ApprovalKind;
import receivables.api.approval.ApprovalRequest;
import receivables.api.approval.ApprovalStatus;
import receivables.api.approval.Approvals;
import receivables.api.approval.OwnRequestException;
import receivables.api.audit.Actor;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.UnitOfWork;
import receivables.impl.validation.internal.Violations;

/**
 * Approval requests in the database. Deciding locks the request's row, so that of two finance managers deciding at
 * once one decides and the other finds it decided; approving carries the command out in that same transaction, so
 * a command whose carrying out fails leaves its request pending, and one that took effect is never carried out again.
 */
@Component(service = Approvals.class)
public class StoredApprovals implements Approvals {

    static final int MAX_NOTE_LENGTH = 200;

    private final Database database;
    private final FourEyes fourEyes;
    private final List<ApprovedCommand> commands;
    Clock clock = Clock.systemUTC();

    @Activate
    public StoredApprovals(@Reference Database database, @Reference FourEyes fourEyes,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<ApprovedCommand> commands) {
        this.database = database;
        this.fourEyes = fourEyes;
        this.commands = List.copyOf(commands);
    }

    @Override
    public Page<ApprovalRequest> list(TenantId tenant, ApprovalStatus status, PageRequest page) {
        String where = status == null ? "" : " where r.status = :status";
        return database.inTransaction(tenant, session -> {
            var items = session.createSelectionQuery("from ApprovalRequest r" + where + " order by r.requestedAt, r.id",
                    ApprovalRequestEntity.class);
            var count = session.createSelectionQuery("select count(*) from ApprovalRequest r" + where, Long.class);
            if (status != null) {
                items.setParameter("status", status);
                count.setParameter("status", status);
            }
            List<ApprovalRequest> values = items.setFirstResult(page.offset()).setMaxResults(page.size())
                    .getResultStream().map(ApprovalRequestEntity::toValue).toList();
            return new Page<>(values, page.page(), page.size(), count.getSingleResult());
        });
    }

    @Override
    public Optional<ApprovalRequest> find(TenantId tenant, UUID id) {
        return database.inTransaction(tenant, session -> Optional.ofNullable(session.find(ApprovalRequestEntity.class, id))
                .map(ApprovalRequestEntity::toValue));
    }

    @Override
    public ApprovalRequest approve(TenantId tenant, UUID id, Actor approver, String note) {
        String decisionNote = validNote(note);
        return database.inTransaction(tenant, (session, tx) -> {
            ApprovalRequestEntity request = locked(session, id);
            requirePending(request);
            if (request.requestedBy().equals(approver)) {
                throw new OwnRequestException("approval request " + id + " was made by " + approver.id()
                        + ", who cannot approve it: four eyes need a second finance manager");
            }
            // Carried out before the request is marked, so that the trail records the decision and its result as one change.
            UUID result = carryOut(session, tx, tenant, request);
            request.decide(ApprovalStatus.APPROVED, approver, decisionNote, now());
            request.carriedOutAs(result);
            session.flush();
            ApprovalRequest approved = request.toValue();
            fourEyes.announce(tx, EventTopics.APPROVAL_APPROVED, tenant, approved);
            return approved;
        });
    }

    @Override
    public ApprovalRequest reject(TenantId tenant, UUID id, Actor decider, String note) {
        String decisionNote = validNote(note);
        return database.inTransaction(tenant, (session, tx) -> {
            ApprovalRequestEntity request = locked(session, id);
            requirePending(request);
            request.decide(ApprovalStatus.REJECTED, decider, decisionNote, now());
            session.flush();
            ApprovalRequest rejected = request.toValue();
            fourEyes.announce(tx, EventTopics.APPROVAL_REJECTED, tenant, rejected);
            return rejected;
        });
    }

    private static ApprovalRequestEntity locked(Session session, UUID id) {
        ApprovalRequestEntity request = session.find(ApprovalRequestEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw new NotFoundException("approval request", id);
        }
        return request;
    }

    /** A decided request stays as it was decided: approving twice never carries its command out twice. */
    private static void requirePending(ApprovalRequestEntity request) {
        if (request.status() != ApprovalStatus.PENDING) {
            throw new ConflictException("approval request " + request.id() + " was already " + request.status()
                    .name().toLowerCase() + "; it is decided once");
        }
    }

    private UUID carryOut(Session session, UnitOfWork tx, TenantId tenant, ApprovalRequestEntity request) {
        ApprovedCommand command = commandFor(request.kind());
        try {
            return command.carryOut(session, tx, tenant, request);
        } catch (ConflictException noLongerFits) {
            throw new ConflictException("approval request " + request.id() + " stays pending: its "
                    + request.kind().name().toLowerCase().replace('_', ' ') + " no longer fits, as "
                    + noLongerFits.getMessage() + "; reject it, and ask again for what fits now");
        }
    }

    private ApprovedCommand commandFor(ApprovalKind kind) {
        return commands.stream().filter(command -> command.kind() == kind).findFirst()
                .orElseThrow(() -> new ConflictException("nothing in this host carries out " + kind
                        + " requests at the moment; try again shortly"));
    }

    private static String validNote(String note) {
        String trimmed = note == null || note.isBlank() ? null : note.trim();
        new Violations().maxLength("note", trimmed, MAX_NOTE_LENGTH).throwIfAny();
        return trimmed;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
