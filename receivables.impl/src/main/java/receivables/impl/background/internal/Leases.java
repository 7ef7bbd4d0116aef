package receivables.impl.background.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hibernate.Session;
import org.hibernate.query.MutationQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.ConflictException;
import receivables.api.TenantId;
import receivables.impl.persistence.internal.Database;

/**
 * Leases on background work in the database, shared by every node: a piece of work is done by the node that holds
 * its lease, which renews it on a heartbeat while the work goes on; a lease that is not renewed runs out, and then
 * another node may take the work over. Every time is the database's, so that the nodes' clocks do not matter.
 *
 * <p>A lease is a row per tenant and piece of work ({@code billing-run/<id>}, {@code intent-janitor}); taking one
 * is a single conditional update (or insert), so that of two nodes trying at once exactly one wins.
 */
@Component(service = Leases.class, configurationPid = LeaseConfiguration.PID)
@Designate(ocd = LeaseConfiguration.class)
public class Leases {

    private static final Logger LOG = LoggerFactory.getLogger(Leases.class);

    private final Database database;
    private final Duration length;
    private final Duration heartbeat;
    private final String node;

    private final Set<Lease> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService heartbeats;

    @Activate
    public Leases(@Reference Database database, LeaseConfiguration config) {
        this(database, config.nodeName().isBlank() ? defaultNodeName() : config.nodeName().strip(),
                validLength(config), Duration.ofSeconds(config.heartbeatSeconds()));
        startHeartbeat();
    }

    /**
     * The leases of the node {@code node}, which hold for {@code length} and are renewed every {@code heartbeat} once
     * {@link #startHeartbeat()} is called; until then, as for a node that hung, they are never renewed.
     */
    public Leases(Database database, String node, Duration length, Duration heartbeat) {
        this.database = database;
        this.node = node;
        this.length = length;
        this.heartbeat = heartbeat;
    }

    private static Duration validLength(LeaseConfiguration config) {
        if (config.leaseSeconds() < 2 || config.heartbeatSeconds() < 1
                || config.heartbeatSeconds() * 2 > config.leaseSeconds()) {
            throw new IllegalArgumentException("leaseSeconds must be at least twice heartbeatSeconds (at least 1), not "
                    + config.leaseSeconds() + " and " + config.heartbeatSeconds());
        }
        return Duration.ofSeconds(config.leaseSeconds());
    }

    public void startHeartbeat() {
        heartbeats = BackgroundThreads.every("receivables-lease-heartbeat", heartbeat, this::renewAll);
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        if (heartbeats != null) {
            BackgroundThreads.stop(heartbeats);
        }
    }

    /** How often leases are renewed, and how often work whose lease ran out is looked for. */
    public Duration heartbeat() {
        return heartbeat;
    }

    /**
     * Does {@code work} while holding the lease on it, renewed on this node's heartbeat and released afterwards.
     * The work must stop soon once {@link Lease#held()} turns false.
     *
     * @return false, without doing the work, when another holder's lease on it has not run out
     */
    public boolean runLeased(TenantId tenant, String work, Consumer<Lease> body) {
        Optional<Lease> taken = acquire(tenant, work);
        if (taken.isEmpty()) {
            return false;
        }
        Lease lease = taken.get();
        track(lease);
        try {
            body.accept(lease);
        } finally {
            held.remove(lease);
            release(lease);
        }
        return true;
    }

    /**
     * One round of a tenant's scheduled job for each of {@code tenants}, each under the tenant's lease on {@code work},
     * so that one node at a time does a tenant's round; a round that fails is logged and the next tenant's goes on.
     */
    public void eachTenant(Collection<TenantId> tenants, String work, Consumer<TenantId> round) {
        eachTenantDue(tenants, work, tenant -> Optional.of(new Due(work, lease -> round.accept(tenant))));
    }

    /**
     * As {@link #eachTenant(Collection, String, Consumer)}, for a job whose work depends on the tenant: {@code due}
     * says what is due for a tenant this round (nothing, or the work and its lease's name), and it is done under that
     * lease; {@code job} names the job in the log.
     */
    public void eachTenantDue(Collection<TenantId> tenants, String job, Function<TenantId, Optional<Due>> due) {
        for (TenantId tenant : tenants) {
            try {
                due.apply(tenant).ifPresent(work -> runLeased(tenant, work.work(), work.round()));
            } catch (RuntimeException e) {
                LOG.warn("The {} of tenant {} failed; trying again next round", job, tenant, e);
            }
        }
    }

    /** A tenant's work that is due: the name of its lease, and the work, done while the lease is held. */
    public record Due(String work, Consumer<Lease> round) {
    }

    /** Of {@code works}, those whose lease has not run out, whoever holds it. */
    public Set<String> live(TenantId tenant, Collection<String> works) {
        if (works.isEmpty()) {
            return Set.of();
        }
        return database.inTransaction(tenant, session -> new HashSet<>(session.createNativeQuery(
                        "select work from background_lease where tenant_id = :tenant and work in (:works)"
                                + " and expires_at >= :now", String.class)
                .setParameter("tenant", tenant.value()).setParameterList("works", works)
                .setParameter("now", databaseTime(session))
                .getResultList()));
    }

    /** Takes the lease when nobody holds it or its holder's ran out. */
    Optional<Lease> acquire(TenantId tenant, String work) {
        Lease lease = new Lease(tenant, work, UUID.randomUUID());
        try {
            boolean taken = database.inTransaction(tenant, session -> {
                Instant now = databaseTime(session);
                int updated = session.createNativeMutationQuery("update background_lease set holder = :holder,"
                                + " token = :token, acquired_at = :now, renewed_at = :now, expires_at = :until"
                                + " where tenant_id = :tenant and work = :work and expires_at < :now")
                        .setParameter("holder", node).setParameter("token", lease.token())
                        .setParameter("now", now).setParameter("until", now.plus(length))
                        .setParameter("tenant", tenant.value()).setParameter("work", work)
                        .executeUpdate();
                if (updated == 1) {
                    return true;
                }
                return session.createNativeMutationQuery("insert into background_lease (tenant_id, work, holder, token,"
                                + " acquired_at, renewed_at, expires_at) select :tenant, :work, :holder, :token, :now, :now,"
                                + " :until from (select 1 as one) x where not exists (select 1 from background_lease"
                                + " where tenant_id = :tenant and work = :work)")
                        .setParameter("holder", node).setParameter("token", lease.token())
                        .setParameter("now", now).setParameter("until", now.plus(length))
                        .setParameter("tenant", tenant.value()).setParameter("work", work)
                        .executeUpdate() == 1;
            });
            return taken ? Optional.of(lease) : Optional.empty();
        } catch (ConflictException anotherNodeInsertedItFirst) {
            return Optional.empty();
        }
    }

    /** Extends the lease by its length from now; false when it was taken over, and so is lost. */
    boolean renew(Lease lease) {
        long started = System.nanoTime();
        boolean renewed = database.inTransaction(lease.tenant(), session -> {
            Instant now = databaseTime(session);
            return session.createNativeMutationQuery("update background_lease set renewed_at = :now, expires_at = :until"
                            + " where tenant_id = :tenant and work = :work and token = :token")
                    .setParameter("now", now).setParameter("until", now.plus(length))
                    .setParameter("tenant", lease.tenant().value()).setParameter("work", lease.work())
                    .setParameter("token", lease.token())
                    .executeUpdate() == 1;
        });
        if (renewed) {
            lease.renewed(started);
        } else {
            lease.lose();
        }
        return renewed;
    }

    /**
     * Fences a write of the work's progress: in the caller's transaction, confirms that the lease is still this
     * holder's, so that a node that hung past its lease and was taken over cannot overwrite the new holder's
     * progress with its own.
     *
     * @throws LostLeaseException when it was taken over; the lease then counts as lost
     */
    public void confirm(Session session, Lease lease) {
        boolean ours = !session.createNativeQuery("select 1 from background_lease where tenant_id = :tenant"
                        + " and work = :work and token = :token", Object.class)
                .setParameter("tenant", lease.tenant().value()).setParameter("work", lease.work())
                .setParameter("token", lease.token())
                .getResultList().isEmpty();
        if (!ours) {
            lease.lose();
            throw new LostLeaseException(lease);
        }
    }

    /**
     * A fenced write of the work's progress in one statement, where {@link #confirm} and the write cost a round trip
     * each: {@code update} (a native UPDATE of one row, ending in its WHERE clause, its parameters bound by
     * {@code bind}) changes the row only while the lease is still this holder's.
     *
     * @throws LostLeaseException when it was taken over; the lease then counts as lost
     * @throws IllegalStateException when the lease is held but {@code update} found no row
     */
    public void confirmedUpdate(Session session, Lease lease, String update, Consumer<MutationQuery> bind) {
        MutationQuery fenced = session.createNativeMutationQuery(update + " and exists (select 1 from background_lease"
                        + " where tenant_id = :leaseTenant and work = :leaseWork and token = :leaseToken)")
                .setParameter("leaseTenant", lease.tenant().value()).setParameter("leaseWork", lease.work())
                .setParameter("leaseToken", lease.token());
        bind.accept(fenced);
        if (fenced.executeUpdate() != 1) {
            confirm(session, lease);
            throw new IllegalStateException("nothing to update under " + lease + ": " + update);
        }
    }

    /** Renews the lease on this node's heartbeat from now on. */
    void track(Lease lease) {
        held.add(lease);
    }

    /** Gives the lease up, so that the work may be taken over at once. */
    void release(Lease lease) {
        try {
            database.inTransaction(lease.tenant(), session -> session.createNativeMutationQuery(
                            "delete from background_lease where tenant_id = :tenant and work = :work and token = :token")
                    .setParameter("tenant", lease.tenant().value()).setParameter("work", lease.work())
                    .setParameter("token", lease.token())
                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.warn("Could not release the lease on {}; it runs out by itself", lease, e);
        }
    }

    /**
     * The heartbeat: renews every lease this node holds. A lease that cannot be renewed (the database is away)
     * counts as lost once it may have run out, since another node may then have taken the work over.
     */
    void renewAll() {
        for (Lease lease : held) {
            try {
                if (!renew(lease)) {
                    LOG.warn("The lease on {} was taken over by another node; this node stops that work", lease);
                }
            } catch (RuntimeException e) {
                if (System.nanoTime() - lease.renewedNanos() >= length.toNanos()) {
                    lease.lose();
                    LOG.warn("The lease on {} could not be renewed in time; this node stops that work", lease, e);
                } else {
                    LOG.debug("Renewing the lease on {} failed; trying again", lease, e);
                }
            }
        }
    }

    private static Instant databaseTime(Session session) {
        return session.doReturningWork(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet now = statement.executeQuery("select current_timestamp")) {
                now.next();
                return now.getObject(1, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MICROS);
            }
        });
    }

    private static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
