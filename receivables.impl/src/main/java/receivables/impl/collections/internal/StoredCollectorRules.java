package receivables.impl.collections.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.ConflictException;
import receivables.api.TenantId;
import receivables.api.collections.CollectorRule;
import receivables.api.collections.CollectorRuleRun;
import receivables.api.collections.CollectorRules;
import receivables.impl.background.internal.Leases;
import receivables.impl.collections.internal.CollectorAssignment.Change;
import receivables.impl.collections.internal.CollectorAssignment.Owed;
import receivables.impl.customer.internal.CustomerAccountEntity;
import receivables.impl.persistence.internal.Database;

/**
 * The tenant's assignment rules in the database, and runs that apply them to every customer: under the tenant's
 * lease on {@code collector-rules}, so that one run at a time reassigns its customers, in batches of
 * {@value #BATCH} customers that each commit on their own.
 */
@Component(service = { CollectorRules.class, StoredCollectorRules.class })
public class StoredCollectorRules implements CollectorRules {

    static final String WORK = "collector-rules";
    static final int BATCH = 500;

    private final Database database;
    private final Leases leases;
    private final CollectorAssignment assignment;
    private final int batch;

    @Activate
    public StoredCollectorRules(@Reference Database database, @Reference Leases leases,
            @Reference CollectorAssignment assignment) {
        this(database, leases, assignment, BATCH);
    }

    StoredCollectorRules(Database database, Leases leases, CollectorAssignment assignment, int batch) {
        this.database = database;
        this.leases = leases;
        this.assignment = assignment;
        this.batch = batch;
    }

    @Override
    public List<CollectorRule> rules(TenantId tenant) {
        return database.inTransaction(tenant, assignment::rules);
    }

    @Override
    public List<CollectorRule> replace(TenantId tenant, List<CollectorRule> rules) {
        List<CollectorRule> normalized = AssignmentRules.normalized(rules);
        return database.inTransaction(tenant, session -> {
            session.createSelectionQuery("from CollectorRule r", CollectorRuleEntity.class).getResultList()
                    .forEach(session::remove);
            session.flush();
            for (int i = 0; i < normalized.size(); i++) {
                session.persist(new CollectorRuleEntity(i + 1, normalized.get(i)));
            }
            session.flush();
            return assignment.rules(session);
        });
    }

    @Override
    public CollectorRuleRun apply(TenantId tenant, boolean overrideManual) {
        AtomicReference<CollectorRuleRun> result = new AtomicReference<>();
        boolean ran = leases.runLeased(tenant, WORK, lease -> {
            Map<Change, Integer> counts = new EnumMap<>(Change.class);
            UUID after = null;
            boolean more = true;
            while (more) {
                UUID from = after;
                List<UUID> done = database.inTransaction(tenant, session -> {
                    leases.confirm(session, lease);
                    List<CollectorRule> rules = assignment.rules(session);
                    var page = session.createSelectionQuery("from CustomerAccount c"
                            + (from == null ? "" : " where c.id > :after") + " order by c.id", CustomerAccountEntity.class)
                            .setMaxResults(batch);
                    if (from != null) {
                        page.setParameter("after", from);
                    }
                    List<CustomerAccountEntity> customers = page.getResultList();
                    List<UUID> ids = customers.stream().map(CustomerAccountEntity::id).toList();
                    Map<UUID, Owed> amounts = ids.isEmpty() || !AssignmentRules.needAmounts(rules) ? Map.of()
                            : assignment.amounts(session, tenant, ids);
                    customers.forEach(customer -> counts.merge(assignment.assign(customer, rules, amounts,
                            overrideManual), 1, Integer::sum));
                    return ids;
                });
                more = done.size() == batch;
                after = done.isEmpty() ? after : done.get(done.size() - 1);
            }
            int customers = counts.values().stream().mapToInt(Integer::intValue).sum();
            result.set(new CollectorRuleRun(customers, counts.getOrDefault(Change.ASSIGNED, 0),
                    counts.getOrDefault(Change.UNASSIGNED, 0), counts.getOrDefault(Change.UNCHANGED, 0),
                    counts.getOrDefault(Change.KEPT_MANUAL, 0)));
        });
        if (!ran) {
            throw new ConflictException("the assignment rules of tenant " + tenant.value()
                    + " are being applied already; try again when that run is done");
        }
        return result.get();
    }
}
