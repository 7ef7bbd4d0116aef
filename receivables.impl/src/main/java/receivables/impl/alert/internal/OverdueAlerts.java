package receivables.impl.alert.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.persistence.Tuple;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import receivables.api.EventTopics;
import receivables.api.TenantId;
import receivables.impl.background.internal.BackgroundThreads;
import receivables.impl.background.internal.Leases;
import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TenantProfile;

/**
 * The overdue sweep: every tenant's open installments that reached one of its overdue levels (days past the due
 * date, counted in the tenant's time zone) are announced as {@link EventTopics#INSTALLMENT_OVERDUE}, once per
 * installment and level. Each announcement is stored ({@code overdue_alert}) in the transaction that posts it after
 * commit, so a rerun, a crash or a second node (which the tenant's lease keeps out meanwhile) never posts one twice.
 * An installment that jumps several levels at once (a tenant's first sweep, levels changed) is announced at the
 * highest only, and the levels below are recorded as passed.
 */
// Immediate: nothing asks for this service, and a delayed component would never start sweeping.
@Component(service = OverdueAlerts.class, configurationPid = OverdueSweepConfiguration.PID, immediate = true)
@Designate(ocd = OverdueSweepConfiguration.class)
public class OverdueAlerts {

    static final String WORK = "overdue-alerts";
    /** Installments announced per transaction, so that a tenant's first sweep over a large book commits as it goes. */
    static final int BATCH = 500;

    private final Database database;
    private final Leases leases;
    private final TenantDirectory tenants;
    private final AlertRules rules;
    private final BusinessEvents events;
    private final Clock clock;
    private final ScheduledExecutorService sweep;

    @Activate
    public OverdueAlerts(@Reference Database database, @Reference Leases leases, @Reference TenantDirectory tenants,
            @Reference AlertRules rules, @Reference BusinessEvents events, OverdueSweepConfiguration config) {
        this(database, leases, tenants, rules, events, Clock.systemUTC(), config.sweepSeconds());
    }

    /** With {@code sweepSeconds} 0, nothing runs by itself: tests call {@link #sweep()}. */
    OverdueAlerts(Database database, Leases leases, TenantDirectory tenants, AlertRules rules, BusinessEvents events,
            Clock clock, int sweepSeconds) {
        if (sweepSeconds < 0) {
            throw new IllegalArgumentException("sweepSeconds must be 0 or more, not " + sweepSeconds);
        }
        this.database = database;
        this.leases = leases;
        this.tenants = tenants;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
        this.sweep = sweepSeconds > 0 ? BackgroundThreads.every("receivables-overdue-alerts", sweepSeconds, this::sweep)
                : null;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (sweep != null) {
            BackgroundThreads.stop(sweep);
        }
    }

    /** One round over every enabled tenant, each under its lease. */
    void sweep() {
        leases.eachTenant(tenants.enabledTenants(), WORK, this::sweep);
    }

    /** Announces what the tenant's installments reached by today; answers how many it announced. */
    int sweep(TenantId tenant) {
        LocalDate today = LocalDate.now(clock.withZone(zoneOf(tenant)));
        List<Integer> levels = rules.overdueDays(tenant);
        int announced = 0;
        for (int level = levels.size(); level >= 1; level--) {
            int batch;
            do {
                batch = announce(tenant, today, levels, level);
                announced += batch;
            } while (batch == BATCH);
        }
        return announced;
    }

    /** One batch of installments that reached {@code level} and were not announced at it; how many there were. */
    private int announce(TenantId tenant, LocalDate today, List<Integer> levels, int level) {
        int days = levels.get(level - 1);
        return database.inTransaction(tenant, (session, tx) -> {
            List<NativeRow> reached = NativeRow.list(session.createNativeQuery("select i.id, i.invoice_id,"
                            + " i.customer_id, i.currency, i.open_amount, i.due_date, v.invoice_number"
                            + " from installment i join invoice v on v.tenant_id = i.tenant_id and v.id = i.invoice_id"
                            + " where i.tenant_id = :tenant and i.open_amount > 0 and i.due_date <= :reachedBy"
                            + " and v.status in ('ISSUED', 'PARTIALLY_PAID') and not exists (select 1 from overdue_alert a"
                            + " where a.tenant_id = i.tenant_id and a.installment_id = i.id and a.level = :level)"
                            + " order by i.due_date, i.id", Tuple.class)
                    .setParameter("tenant", tenant.value()).setParameter("reachedBy", today.minusDays(days))
                    .setParameter("level", level).setMaxResults(BATCH));
            Instant now = clock.instant();
            for (NativeRow row : reached) {
                for (int passed = 1; passed <= level; passed++) {
                    session.createNativeMutationQuery("insert into overdue_alert (tenant_id, installment_id, level,"
                                    + " days_overdue, posted_at) select :tenant, :installment, :level, :days, :now"
                                    + " where not exists (select 1 from overdue_alert a where a.tenant_id = :tenant"
                                    + " and a.installment_id = :installment and a.level = :level)")
                            .setParameter("tenant", tenant.value()).setParameter("installment", row.uuid("id"))
                            .setParameter("level", passed).setParameter("days", levels.get(passed - 1))
                            .setParameter("now", now.atOffset(ZoneOffset.UTC)).executeUpdate();
                }
                Map<String, Object> properties = new HashMap<>();
                properties.put(EventTopics.TENANT, tenant.value());
                properties.put(EventTopics.ID, row.uuid("id").toString());
                properties.put(EventTopics.INSTALLMENT_ID, row.uuid("id").toString());
                properties.put(EventTopics.INVOICE_ID, row.uuid("invoice_id").toString());
                properties.put(EventTopics.INVOICE_NUMBER, row.text("invoice_number"));
                properties.put(EventTopics.CUSTOMER_ID, row.uuid("customer_id").toString());
                properties.put(EventTopics.CURRENCY, row.text("currency"));
                properties.put(EventTopics.AMOUNT, row.money("currency", "open_amount").amount().toPlainString());
                properties.put(EventTopics.DUE_DATE, row.date("due_date").toString());
                properties.put(EventTopics.LEVEL, level);
                properties.put(EventTopics.DAYS_OVERDUE, days);
                events.afterCommit(tx, EventTopics.INSTALLMENT_OVERDUE, Map.copyOf(properties));
            }
            return reached.size();
        });
    }

    private ZoneId zoneOf(TenantId tenant) {
        try {
            return tenants.profile(tenant).map(TenantProfile::timeZone).map(ZoneId::of).orElse(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
