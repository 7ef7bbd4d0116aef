package receivables.impl.host.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.ConflictException;
import receivables.api.TenantId;
import receivables.api.host.JournalSink;
import receivables.impl.background.internal.BackgroundThreads;
import receivables.impl.background.internal.Leases;
import receivables.impl.ledger.internal.JournalFeed;
import receivables.impl.persistence.internal.Database;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Delivers every tenant's journal entries to every {@link JournalSink}, at least once and in posting order.
 * What a sink has taken is recorded per entry in the database, and only after it returned, so that a failing
 * sink gets the same entries again later (after a pause that doubles, up to five minutes) and a restart loses
 * nothing.
 */
@Component(service = JournalDeliveries.class, configurationPid = JournalDeliveryConfiguration.PID, immediate = true)
@Designate(ocd = JournalDeliveryConfiguration.class)
public class JournalDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(JournalDeliveries.class);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<JournalSink> sinks = List.of();

    @Reference
    Database database;

    @Reference
    JournalFeed feed;

    @Reference
    TenantDirectory tenants;

    @Reference
    Leases leases;

    Clock clock = Clock.systemUTC();

    private final Map<String, Pause> pauses = new ConcurrentHashMap<>();
    volatile JournalDeliveryConfiguration config;
    private ScheduledExecutorService schedule;

    @Activate
    void activate(JournalDeliveryConfiguration config) {
        this.config = config;
        schedule = BackgroundThreads.every("receivables-journal-delivery", config.intervalSeconds(), this::deliverAll);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        BackgroundThreads.stop(schedule);
    }

    /**
     * One round: every sink gets what it has not had yet of every tenant's journal, each tenant's by one node at a
     * time, the one holding the tenant's lease on delivery.
     */
    void deliverAll() {
        List<JournalSink> current = sinks;
        if (current.isEmpty()) {
            return;
        }
        leases.eachTenant(tenants.enabledTenants(), "journal-delivery",
                tenant -> current.forEach(sink -> deliver(tenant, sink)));
    }

    /** @return how many entries the sink took */
    int deliver(TenantId tenant, JournalSink sink) {
        String key = tenant.value() + "/" + sink.id();
        Pause pause = pauses.get(key);
        if (pause != null && now().isBefore(pause.until())) {
            return 0;
        }
        int delivered = 0;
        while (true) {
            List<JournalFeed.Posted> batch = database.inTransaction(tenant, session -> feed.undelivered(session, sink.id(),
                    cursor(session, sink.id())
                            .map(cursor -> cursor.postedThrough.minus(Duration.ofMinutes(config.lookBackMinutes())))
                            .orElse(Instant.EPOCH), config.batchSize()));
            if (batch.isEmpty()) {
                pauses.remove(key);
                return delivered;
            }
            try {
                sink.accept(tenant, batch.stream().map(JournalFeed.Posted::entry).toList());
            } catch (Exception e) {
                Duration wait = pause == null ? Duration.ofSeconds(config.intervalSeconds())
                        : Collections.min(List.of(pause.length().multipliedBy(2), LONGEST_PAUSE));
                pauses.put(key, new Pause(now().plus(wait), wait));
                LOG.warn("Journal sink {} did not take {} entries of tenant {}; trying again in {}", sink.id(), batch.size(),
                        tenant, wait, e);
                return delivered;
            }
            try {
                database.inTransaction(tenant, (session, tx) -> {
                    Instant now = now();
                    batch.forEach(posted -> session.persist(new JournalDeliveryEntity(sink.id(), posted.entry().id(), now)));
                    Instant latest = batch.get(batch.size() - 1).postedAt();
                    cursor(session, sink.id()).ifPresentOrElse(cursor -> {
                        if (latest.isAfter(cursor.postedThrough)) {
                            cursor.postedThrough = latest;
                        }
                    }, () -> session.persist(new JournalDeliveryCursorEntity(sink.id(), latest)));
                });
            } catch (ConflictException deliveredByAnotherNodeAtTheSameTime) {
                return delivered;
            }
            delivered += batch.size();
        }
    }

    private static Optional<JournalDeliveryCursorEntity> cursor(Session session, String sink) {
        return session.createSelectionQuery("from JournalDeliveryCursor c where c.sink = :sink",
                JournalDeliveryCursorEntity.class).setParameter("sink", sink).uniqueResultOptional();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A sink that failed for a tenant waits until {@code until}; {@code length} doubles with each failure. */
    private record Pause(Instant until, Duration length) {
    }
}
