package receivables.impl.background.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.TenantId;

/**
 * One kind of run (billing runs, statement imports) done on one thread of this node, each run under its lease, and
 * the runs of that kind that are still running in the database without a live lease (their node died, or stopped)
 * taken over and resumed here. Whichever node takes a run's lease first does it; the others leave it alone.
 */
public final class LeasedRuns {

    /** Does one run of the kind. */
    @FunctionalInterface
    public interface Run {

        /**
         * Does the run, or what is left of it after its last committed batch, while {@code lease} is held; does
         * nothing when it is no longer running. Returns early, leaving the run running for a later holder, when the
         * lease is lost or this node stops.
         */
        void run(TenantId tenant, UUID id, Lease lease);
    }

    private static final Logger LOG = LoggerFactory.getLogger(LeasedRuns.class);

    private final String kind;
    private final Function<TenantId, List<UUID>> running;
    private final Run run;
    private final Leases leases;
    private final Supplier<List<TenantId>> tenants;
    private final ExecutorService runner;
    private final ScheduledExecutorService takeover;
    private final Map<String, Boolean> here = new ConcurrentHashMap<>();

    private LeasedRuns(String kind, Function<TenantId, List<UUID>> running, Run run, Leases leases,
            Supplier<List<TenantId>> tenants) {
        this.kind = kind;
        this.running = running;
        this.run = run;
        this.leases = leases;
        this.tenants = tenants;
        this.runner = BackgroundThreads.runner("receivables-" + kind);
        this.takeover = BackgroundThreads.every("receivables-" + kind + "-takeover", leases.heartbeat(),
                this::takeOver);
    }

    /**
     * Starts the thread that does the runs of {@code kind} (named {@code <kind>/<id>} in the leases) and the one
     * that looks for runs to take over among those the database says are {@code running}.
     */
    public static LeasedRuns start(String kind, Function<TenantId, List<UUID>> running, Run run, Leases leases,
            Supplier<List<TenantId>> tenants) {
        return new LeasedRuns(kind, running, run, leases, tenants);
    }

    /**
     * Queues the run on this node.
     *
     * @throws RejectedExecutionException when this node is stopping; the run is then taken over by another
     */
    public void submit(TenantId tenant, UUID id) {
        String work = work(id);
        if (here.putIfAbsent(tenant.value() + "/" + work, Boolean.TRUE) != null) {
            return;
        }
        try {
            runner.execute(() -> {
                try {
                    if (!Thread.currentThread().isInterrupted()
                            && !leases.runLeased(tenant, work, lease -> run.run(tenant, id, lease))) {
                        LOG.debug("{} of tenant {} is done by another node", work, tenant);
                    }
                } catch (RuntimeException e) {
                    LOG.error("{} of tenant {} stopped; it is taken over once its lease runs out", work, tenant, e);
                } finally {
                    here.remove(tenant.value() + "/" + work);
                }
            });
        } catch (RejectedExecutionException e) {
            here.remove(tenant.value() + "/" + work);
            throw e;
        }
    }

    /**
     * Queues the run on this node, or, when this node is stopping, leaves it to the node that takes it over: a run
     * just started is never lost, it is in the database.
     */
    public void submitOrLeave(TenantId tenant, UUID id) {
        try {
            submit(tenant, id);
        } catch (RejectedExecutionException stopping) {
            LOG.info("{} of tenant {} is left to another node: this one is stopping", work(id), tenant);
        }
    }

    /** Looks for runs whose lease ran out, or was given up, and queues them here. */
    void takeOver() {
        for (TenantId tenant : tenants.get()) {
            try {
                List<UUID> ids = running.apply(tenant);
                Set<String> live = leases.live(tenant, ids.stream().map(this::work).toList());
                for (UUID id : ids) {
                    if (!live.contains(work(id)) && !here.containsKey(tenant.value() + "/" + work(id))) {
                        LOG.info("Taking over {} of tenant {}", work(id), tenant);
                        submit(tenant, id);
                    }
                }
            } catch (RejectedExecutionException stopping) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Looking for {} runs of tenant {} to take over failed; trying again", kind, tenant, e);
            }
        }
    }

    /** Stops looking for runs and interrupts the run under way, which leaves it for another node to resume. */
    public void stop() throws InterruptedException {
        BackgroundThreads.stop(takeover);
        BackgroundThreads.stop(runner);
    }

    private String work(UUID id) {
        return kind + "/" + id;
    }
}
