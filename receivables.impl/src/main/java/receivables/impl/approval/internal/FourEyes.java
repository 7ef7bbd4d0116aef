package receivables.impl.approval.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.EventTopics;
import receivables.api.TenantId;
import receivables.api.approval.ApprovalKind;
import receivables.api.approval.ApprovalRequest;
import receivables.api.approval.ApprovalStatus;
import receivables.api.money.Money;
import receivables.impl.audit.internal.CallerScope;
import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.persistence.internal.UnitOfWork;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TenantSettings;

/**
 * Where commands ask whether they must wait for a second person, and leave their approval request when they must,
 * in their own transaction. The requester is whoever the audit trail names for the transaction.
 */
@Component(service = FourEyes.class)
public class FourEyes {

    private final TenantDirectory tenants;
    private final StoredExchangeRates rates;
    private final CallerScope callers;
    private final BusinessEvents events;
    Clock clock = Clock.systemUTC();

    @Activate
    public FourEyes(@Reference TenantDirectory tenants, @Reference StoredExchangeRates rates,
            @Reference CallerScope callers, @Reference BusinessEvents events) {
        this.tenants = tenants;
        this.rates = rates;
        this.callers = callers;
        this.events = events;
    }

    /** Whether the tenant has four eyes on at all (then every raise of a credit limit waits). */
    public boolean on(TenantId tenant) {
        return tenants.settings(tenant).fourEyes();
    }

    /**
     * Whether a write-off or credit note of {@code amount} dated {@code date} waits: its worth in the functional
     * currency, at the rate its journal entry would take (rounded half-up), is above the tenant's threshold.
     *
     * @throws receivables.api.InvalidRequestException naming {@code date} when the currency has no rate that day,
     *         as posting would
     */
    public boolean waits(Session session, TenantId tenant, Money amount, LocalDate date) {
        TenantSettings settings = tenants.settings(tenant);
        if (!settings.fourEyes()) {
            return false;
        }
        String functional = settings.functionalCurrency();
        BigDecimal rate = amount.currency().equals(functional) ? BigDecimal.ONE
                : rates.requiredRate(session, amount.currency(), functional, date, "date");
        return settings.needsApproval(Money.rounded(amount.amount().multiply(rate), functional));
    }

    /** Commits {@code command} as a pending request with the caller's transaction; subscribers hear of it after. */
    public ApprovalRequest request(Session session, UnitOfWork tx, TenantId tenant, WaitingCommand command) {
        ApprovalRequestEntity request = new ApprovalRequestEntity(UUID.randomUUID(), command,
                callers.current().actor(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        session.persist(request);
        session.flush();
        ApprovalRequest value = request.toValue();
        announce(tx, EventTopics.APPROVAL_REQUESTED, tenant, value);
        return value;
    }

    /** The pending write-off of the invoice, if one waits. */
    public Optional<ApprovalRequest> pendingWriteOff(Session session, UUID invoiceId) {
        return pending(session, ApprovalKind.WRITE_OFF, "r.invoiceId", invoiceId);
    }

    /** The pending raise of the customer's credit limit, if one waits. */
    public Optional<ApprovalRequest> pendingRaise(Session session, UUID customerId) {
        return pending(session, ApprovalKind.CREDIT_LIMIT_INCREASE, "r.customerId", customerId);
    }

    /** The request made under an idempotency key, whatever became of it. */
    public Optional<ApprovalRequest> underKey(Session session, String key) {
        return session.createSelectionQuery("from ApprovalRequest r where r.idempotencyKey = :key",
                        ApprovalRequestEntity.class)
                .setParameter("key", key).uniqueResultOptional().map(ApprovalRequestEntity::toValue);
    }

    private static Optional<ApprovalRequest> pending(Session session, ApprovalKind kind, String field, UUID id) {
        return session.createSelectionQuery("from ApprovalRequest r where r.kind = :kind and r.status = :status and "
                        + field + " = :id order by r.requestedAt", ApprovalRequestEntity.class)
                .setParameter("kind", kind).setParameter("status", ApprovalStatus.PENDING).setParameter("id", id)
                .setMaxResults(1).uniqueResultOptional().map(ApprovalRequestEntity::toValue);
    }

    /** Tells subscribers (the UI's live events among them) about the request once {@code tx} has committed. */
    void announce(UnitOfWork tx, String topic, TenantId tenant, ApprovalRequest request) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(EventTopics.TENANT, tenant.value());
        properties.put(EventTopics.ID, request.id().toString());
        properties.put(EventTopics.KIND, request.kind().name());
        properties.put(EventTopics.CUSTOMER_ID, request.customerId().toString());
        properties.put(EventTopics.CURRENCY, request.previousLimit() == null ? request.amount().currency()
                : request.previousLimit().currency());
        if (request.amount() != null) {
            properties.put(EventTopics.AMOUNT, request.amount().amount().toPlainString());
        }
        if (request.invoiceId() != null) {
            properties.put(EventTopics.INVOICE_ID, request.invoiceId().toString());
            properties.put(EventTopics.INVOICE_NUMBER, request.invoiceNumber());
        }
        events.afterCommit(tx, topic, Map.copyOf(properties));
    }
}
