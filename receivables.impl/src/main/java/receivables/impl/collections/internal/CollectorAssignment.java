package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Tuple;
import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import receivables.api.TenantId;
import receivables.api.collections.CollectorRule;
import receivables.impl.collections.internal.AssignmentRules.Facts;
import receivables.impl.customer.internal.CollectorAssignedBy;
import receivables.impl.customer.internal.CustomerAccountEntity;
import receivables.impl.persistence.internal.NativeRow;

/**
 * Assigns customers to collectors by the tenant's rules, in the caller's transaction: one customer when it is created
 * or changed, or a batch of them in a run. A customer assigned by hand is left alone unless the caller overrides it.
 */
@Component(service = CollectorAssignment.class)
public class CollectorAssignment {

    /** What became of one customer's assignment. */
    enum Change { ASSIGNED, UNASSIGNED, UNCHANGED, KEPT_MANUAL }

    /** What a customer owes in its own currency: open, and open past due. */
    record Owed(BigDecimal open, BigDecimal overdue) {

        static final Owed NOTHING = new Owed(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private final Clock clock;

    @Activate
    public CollectorAssignment() {
        this(Clock.systemUTC());
    }

    /** With the clock that says which day "overdue" is measured on (in UTC) and stamps the change. */
    public CollectorAssignment(Clock clock) {
        this.clock = clock;
    }

    /** Reassigns the customer as the tenant's rules say, unless it was assigned by hand. */
    public void assign(Session session, TenantId tenant, CustomerAccountEntity customer) {
        if (customer.collectorAssignedBy() == CollectorAssignedBy.MANUAL) {
            return;
        }
        List<CollectorRule> rules = rules(session);
        if (rules.isEmpty() && customer.collectorAssignedBy() == null) {
            return;
        }
        Map<UUID, Owed> amounts = AssignmentRules.needAmounts(rules)
                ? amounts(session, tenant, List.of(customer.id())) : Map.of();
        assign(customer, rules, amounts, false);
    }

    List<CollectorRule> rules(Session session) {
        return session.createSelectionQuery("from CollectorRule r order by r.sequence", CollectorRuleEntity.class)
                .getResultStream().map(CollectorRuleEntity::toValue).toList();
    }

    /** Assigns the customer to the collector of the first rule it matches, or to none when a rule had assigned it. */
    Change assign(CustomerAccountEntity customer, List<CollectorRule> rules, Map<UUID, Owed> amounts,
            boolean overrideManual) {
        if (customer.collectorAssignedBy() == CollectorAssignedBy.MANUAL && !overrideManual) {
            return Change.KEPT_MANUAL;
        }
        Owed owed = amounts.getOrDefault(customer.id(), Owed.NOTHING);
        String collector = AssignmentRules.collectorFor(rules, new Facts(customer.segment(), customer.salesperson(),
                customer.country(), customer.currency(), owed.open(), owed.overdue()));
        if (Objects.equals(collector, customer.collector())) {
            if (collector != null && customer.collectorAssignedBy() != CollectorAssignedBy.RULE) {
                customer.assignCollector(collector, CollectorAssignedBy.RULE, now());
            }
            return Change.UNCHANGED;
        }
        boolean hadOne = customer.collector() != null;
        customer.assignCollector(collector, CollectorAssignedBy.RULE, now());
        return collector == null && hadOne ? Change.UNASSIGNED : Change.ASSIGNED;
    }

    /**
     * What each of the customers owes in its own currency on its issued invoices: open, and open past due as of
     * today; customers that owe nothing are left out.
     */
    Map<UUID, Owed> amounts(Session session, TenantId tenant, Collection<UUID> customers) {
        Map<UUID, Owed> owed = new HashMap<>();
        NativeRow.stream(session.createNativeQuery("select i.customer_id, sum(i.open_amount) open_total,"
                        + " sum(case when i.due_date < :today then i.open_amount else 0 end) overdue_total"
                        + " from installment i join invoice v on v.tenant_id = i.tenant_id and v.id = i.invoice_id"
                        + " join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_id"
                        + " where i.tenant_id = :tenant and i.customer_id in (:customers) and i.open_amount > 0"
                        + " and i.currency = c.currency and v.status in ('ISSUED', 'PARTIALLY_PAID')"
                        + " group by i.customer_id", Tuple.class)
                        .setParameter("tenant", tenant.value()).setParameterList("customers", customers)
                        .setParameter("today", LocalDate.now(clock)))
                .forEach(row -> owed.put(row.uuid("customer_id"),
                        new Owed(row.decimal("open_total"), row.decimal("overdue_total"))));
        return owed;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
