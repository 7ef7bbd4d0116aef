package receivables.impl.approval.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.approval.ApprovalKind;
import receivables.api.approval.ApprovalRequest;
import receivables.api.approval.ApprovalStatus;
import receivables.api.audit.Actor;
import receivables.api.money.Money;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

/**
 * A command waiting for a second person, as stored. Its status changes only through {@link ApprovalLifecycle}; what
 * it asks for never changes after it was made.
 */
@Audited("approval-request")
@Entity(name = "ApprovalRequest")
@Table(name = "approval_request")
public class ApprovalRequestEntity extends TenantOwned {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private ApprovalKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ApprovalStatus status;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private UUID customerId;

    @Column(name = "invoice_id", updatable = false)
    private UUID invoiceId;

    @Column(name = "invoice_number", length = 40, updatable = false)
    private String invoiceNumber;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(precision = 19, scale = 4, updatable = false)
    private BigDecimal amount;

    @Column(name = "previous_limit", precision = 19, scale = 4, updatable = false)
    private BigDecimal previousLimit;

    @Column(length = 200, updatable = false)
    private String reason;

    @Column(name = "command_date", updatable = false)
    private LocalDate date;

    @Column(name = "idempotency_key", length = 128, updatable = false)
    private String idempotencyKey;

    @Column(name = "requested_by_kind", nullable = false, length = 20, updatable = false)
    private String requestedByKind;

    @Column(name = "requested_by", nullable = false, length = 200, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "decided_by_kind", length = 20)
    private String decidedByKind;

    @Column(name = "decided_by", length = 200)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note", length = 200)
    private String decisionNote;

    @Column(name = "result_id")
    private UUID resultId;

    @Version
    private long version;

    protected ApprovalRequestEntity() {
    }

    ApprovalRequestEntity(UUID id, WaitingCommand command, Actor requestedBy, Instant now) {
        this.id = id;
        this.kind = command.kind();
        this.status = ApprovalStatus.PENDING;
        this.customerId = command.customerId();
        this.invoiceId = command.invoiceId();
        this.invoiceNumber = command.invoiceNumber();
        this.currency = command.currency();
        this.amount = command.amount() == null ? null : command.amount().amount();
        this.previousLimit = command.previousLimit() == null ? null : command.previousLimit().amount();
        this.reason = command.reason();
        this.date = command.date();
        this.idempotencyKey = command.idempotencyKey();
        this.requestedByKind = requestedBy.kind().name();
        this.requestedBy = requestedBy.id();
        this.requestedAt = now;
    }

    void decide(ApprovalStatus decision, Actor decider, String note, Instant now) {
        status = ApprovalLifecycle.TRANSITIONS.move(status, decision);
        decidedByKind = decider.kind().name();
        decidedBy = decider.id();
        decisionNote = note;
        decidedAt = now;
    }

    void carriedOutAs(UUID result) {
        resultId = result;
    }

    public UUID id() {
        return id;
    }

    public ApprovalKind kind() {
        return kind;
    }

    public ApprovalStatus status() {
        return status;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID invoiceId() {
        return invoiceId;
    }

    public String currency() {
        return currency;
    }

    /** What is written off or credited, or the limit asked for; {@code null} for a raise to no limit at all. */
    public Money amount() {
        return amount == null ? null : Money.of(amount, currency);
    }

    /** The credit limit the customer had when the raise was asked for. */
    public Money previousLimit() {
        return previousLimit == null ? null : Money.of(previousLimit, currency);
    }

    public String reason() {
        return reason;
    }

    public LocalDate date() {
        return date;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Actor requestedBy() {
        return new Actor(Actor.Kind.valueOf(requestedByKind), requestedBy);
    }

    ApprovalRequest toValue() {
        return new ApprovalRequest(id, kind, status, customerId, invoiceId, invoiceNumber, amount(), previousLimit(),
                reason, date, requestedBy(), requestedAt,
                decidedBy == null ? null : new Actor(Actor.Kind.valueOf(decidedByKind), decidedBy), decidedAt,
                decisionNote, resultId);
    }
}
