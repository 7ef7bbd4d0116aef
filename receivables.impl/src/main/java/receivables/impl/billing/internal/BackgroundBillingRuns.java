package receivables.impl.billing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.ReceivablesException;
import receivables.api.TenantId;
import receivables.api.host.OrderSource;
import receivables.api.invoice.BillingFailure;
import receivables.api.invoice.BillingRun;
import receivables.api.invoice.BillingRunStatus;
import receivables.api.invoice.BillingRuns;
import receivables.api.invoice.SalesOrder;
import receivables.impl.background.internal.Lease;
import receivables.impl.background.internal.LeasedRuns;
import receivables.impl.background.internal.Leases;
import receivables.impl.background.internal.RunLifecycle;
import receivables.impl.ledger.internal.StoredInvoices;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Runs billing runs in the background, each under its lease, on whichever node holds it. Orders go in batches,
 * each batch one transaction; a batch that fails is retried order by order so that only the culprits fail.
 * Progress is written to the database after every batch, so any node can report it, and a node that takes over
 * the run of a node that died resumes after the last batch recorded. A batch committed but not yet recorded is
 * billed again, which issues nothing twice: invoices are idempotent per order.
 */
@Component(service = BillingRuns.class)
public class BackgroundBillingRuns implements BillingRuns {

    static final int BATCH_SIZE = 200;
    static final int MAX_ORDERS = 100_000;
    /** What a billing run fills: their statistics are brought up to date when it ends. */
    static final List<String> BILLED_TABLES = List.of("invoice", "invoice_line", "installment", "journal_entry",
            "journal_line", "audit_record");
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundBillingRuns.class);

    private final Database database;
    private final StoredInvoices invoices;
    private final Leases leases;
    private final TenantDirectory tenants;
    private final TableStatistics statistics;
    private final Clock clock = Clock.systemUTC();

    // Sources come and go with their bundles; a run asks the ones there are when it bills.
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<OrderSource> orderSources = List.of();

    private LeasedRuns runs;

    @Activate
    public BackgroundBillingRuns(@Reference Database database, @Reference StoredInvoices invoices,
            @Reference Leases leases, @Reference TenantDirectory tenants, @Reference TableStatistics statistics) {
        this(database, invoices, leases, tenants, statistics, List.of());
    }

    /** Runs that bill from {@code orderSources}, for use without the framework; start them with {@link #activate()}. */
    public BackgroundBillingRuns(Database database, StoredInvoices invoices, Leases leases, TenantDirectory tenants,
            TableStatistics statistics, List<OrderSource> orderSources) {
        this.database = database;
        this.invoices = invoices;
        this.leases = leases;
        this.tenants = tenants;
        this.statistics = statistics;
        this.orderSources = List.copyOf(orderSources);
    }

    /** Starts taking up runs; an activate method of its own, so that DS has bound the order sources first. */
    @Activate
    public void activate() {
        runs = LeasedRuns.start("billing-run", this::running, this::run, leases, tenants::enabledTenants);
    }

    private List<UUID> running(TenantId tenant) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "select r.id from BillingRun r where r.status = :running", UUID.class)
                .setParameter("running", BillingRunStatus.RUNNING).getResultList());
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        runs.stop();
    }

    /**
     * Records the run and its orders, in batches, so that whichever node holds the run's lease bills the same
     * orders, and starts it on this node.
     */
    @Override
    public BillingRun start(TenantId tenant, List<SalesOrder> orders, LocalDate issueDate) {
        if (issueDate == null) {
            throw new InvalidRequestException(FieldViolation.of("issueDate", "is required"));
        }
        List<SalesOrder> given = orders == null ? List.of() : new ArrayList<>(orders);
        if (given.size() > MAX_ORDERS) {
            throw new InvalidRequestException(FieldViolation.of("orders", "at most " + MAX_ORDERS + " orders per run"));
        }
        UUID id = UUID.randomUUID();
        BillingRun run = database.inTransaction(tenant, session -> {
            BillingRunEntity entity = new BillingRunEntity(id, issueDate, given.size(), now());
            session.persist(entity);
            for (int from = 0, batch = 0; from < given.size(); from += BATCH_SIZE, batch++) {
                session.createNativeMutationQuery("insert into billing_run_batch (tenant_id, run_id, batch, orders)"
                                + " values (:tenant, :run, :batch, :orders)")
                        .setParameter("tenant", tenant.value()).setParameter("run", id).setParameter("batch", batch)
                        .setParameter("orders", OrderBatches.write(given.subList(from, Math.min(given.size(),
                                from + BATCH_SIZE))))
                        .executeUpdate();
            }
            return entity.toValue(List.of());
        });
        runs.submitOrLeave(tenant, id);
        return run;
    }

    /** A run without failures has none to read: a client polling a run's progress costs one query a poll. */
    @Override
    public Optional<BillingRun> find(TenantId tenant, UUID runId) {
        return database.inTransaction(tenant, session -> Optional.ofNullable(session.find(BillingRunEntity.class, runId))
                .map(run -> run.toValue(run.failed == 0 ? List.of() : session.createSelectionQuery(
                                "from BillingFailure f where f.runId = :run order by f.orderId", BillingFailureEntity.class)
                        .setParameter("run", runId).setMaxResults(MAX_FAILURES_KEPT)
                        .getResultStream().map(BillingFailureEntity::toValue).toList())));
    }

    /**
     * Does the run from where it got to: the batches of given orders after the last one committed, or whatever the
     * order sources still report. Returns early, the run still running, when this node stops or loses the lease.
     */
    private void run(TenantId tenant, UUID runId, Lease lease) {
        Progress progress = database.inTransaction(tenant, session -> {
            BillingRunEntity run = session.find(BillingRunEntity.class, runId);
            if (run == null || run.status != BillingRunStatus.RUNNING) {
                return null;
            }
            Progress restored = new Progress(run);
            restored.kept = session.createSelectionQuery("select count(f) from BillingFailure f where f.runId = :run",
                    Long.class).setParameter("run", runId).getSingleResult().intValue();
            return restored;
        });
        if (progress == null) {
            return;
        }
        try {
            int batches = batchCount(tenant, runId);
            if (batches == 0) {
                invoiceFromSources(tenant, runId, progress, lease);
            } else {
                for (int batch = progress.batchesDone; batch < batches && !stopped(lease); batch++) {
                    int stored = batch;
                    invoiceBatch(tenant, runId, lease, session -> orders(session, tenant, runId, stored), progress,
                            batch + 1);
                }
            }
            if (!stopped(lease)) {
                statistics.analyze(tenant, BILLED_TABLES);
                record(tenant, runId, lease, progress, BillingRunStatus.COMPLETED);
            }
        } catch (RuntimeException e) {
            if (stopped(lease)) {
                LOG.info("Billing run {} of tenant {} is left for another node to resume", runId, tenant, e);
                return;
            }
            LOG.error("Billing run {} of tenant {} stopped", runId, tenant, e);
            record(tenant, runId, lease, progress, BillingRunStatus.INTERRUPTED);
        }
    }

    private static boolean stopped(Lease lease) {
        return Thread.currentThread().isInterrupted() || !lease.held();
    }

    private int batchCount(TenantId tenant, UUID runId) {
        return database.inTransaction(tenant, session -> ((Number) session.createNativeQuery(
                        "select count(*) from billing_run_batch where tenant_id = :tenant and run_id = :run", Object.class)
                .setParameter("tenant", tenant.value()).setParameter("run", runId).getSingleResult()).intValue());
    }

    private static List<SalesOrder> orders(Session session, TenantId tenant, UUID runId, int batch) {
        return OrderBatches.read(session.createNativeQuery(
                        "select orders from billing_run_batch where tenant_id = :tenant and run_id = :run and batch = :batch",
                        byte[].class)
                .setParameter("tenant", tenant.value()).setParameter("run", runId).setParameter("batch", batch)
                .getSingleResult());
    }

    /** Asks every order source until none has an order this run has not tried yet. */
    private void invoiceFromSources(TenantId tenant, UUID runId, Progress progress, Lease lease) {
        Set<String> tried = new HashSet<>();
        boolean more = true;
        while (more && !stopped(lease)) {
            more = false;
            for (OrderSource source : orderSources) {
                List<SalesOrder> fresh = source.ordersToInvoice(tenant, BATCH_SIZE).stream()
                        .filter(order -> order != null && tried.add(String.valueOf(order.orderId())))
                        .toList();
                if (!fresh.isEmpty() && tried.size() <= MAX_ORDERS && !stopped(lease)) {
                    more = true;
                    progress.total += fresh.size();
                    invoiceBatch(tenant, runId, lease, session -> fresh, progress, progress.batchesDone);
                }
            }
        }
    }

    /**
     * Invoices one batch and records the run's progress after it, {@code batchesDone} batches of given orders done.
     * The batch's orders are read, invoiced and issued, and the progress written in one transaction, so a batch that
     * commits is never billed again after a crash.
     *
     * <p>Most orders of a run have never been invoiced, and looking a batch's orders up reads all of the tenant's
     * invoices wherever the database does not use (tenant_id, order_id) for a list of order ids: H2 never does,
     * PostgreSQL not without fresh statistics. So the batch is first written as if every order were new; if that
     * fails in any way (the unique key on the order refuses an order invoiced before, or the credit check counted
     * it twice), nothing of it stays and it is done again with the look-up. Only when that fails too are its
     * orders invoiced one by one, each in its own transaction, and the progress recorded after them.
     */
    private void invoiceBatch(TenantId tenant, UUID runId, Lease lease, Function<Session, List<SalesOrder>> orders,
            Progress progress, int batchesDone) {
        AtomicReference<List<SalesOrder>> read = new AtomicReference<>();
        RuntimeException failed = null;
        for (boolean lookUpEarlier : new boolean[] { false, true }) {
            try {
                progress.adopt(invoiceTogether(tenant, runId, lease, orders, read, progress, batchesDone,
                        lookUpEarlier));
                return;
            } catch (RuntimeException attemptFailed) {
                if (stopped(lease)) {
                    throw attemptFailed;
                }
                failed = attemptFailed;
            }
        }
        if (read.get() == null) {
            // Not even its orders could be read: the batch is not done, whatever went wrong.
            throw failed;
        }
        for (SalesOrder order : read.get()) {
            try {
                database.inTransaction(tenant, (session, tx) -> {
                    invoices.invoiceAndIssue(session, tx, tenant, List.of(order), progress.issueDate, true);
                });
                progress.done++;
            } catch (RuntimeException e) {
                progress.failed++;
                progress.failures.add(new BillingFailure(order == null ? "?" : String.valueOf(order.orderId()),
                        reason(e)));
                if (!(e instanceof ReceivablesException)) {
                    LOG.warn("Order {} of tenant {} could not be invoiced", order == null ? null : order.orderId(),
                            tenant, e);
                }
            }
        }
        progress.batchesDone = batchesDone;
        record(tenant, runId, lease, progress, null);
    }

    /**
     * The batch in one transaction, its orders read into {@code read}; returns the progress after it, to adopt once
     * the transaction has committed.
     */
    private Progress invoiceTogether(TenantId tenant, UUID runId, Lease lease, Function<Session, List<SalesOrder>> orders,
            AtomicReference<List<SalesOrder>> read, Progress progress, int batchesDone, boolean lookUpEarlier) {
        return database.inTransaction(tenant, (session, tx) -> {
            List<SalesOrder> batch = orders.apply(session);
            read.set(batch);
            invoices.invoiceAndIssue(session, tx, tenant, batch, progress.issueDate, lookUpEarlier);
            Progress after = progress.copy();
            after.done += batch.size();
            after.batchesDone = batchesDone;
            // The counts alone, in one fenced statement: a batch that went together failed no order.
            leases.confirmedUpdate(session, lease, "update billing_run set total = greatest(total, :total),"
                    + " done = :done, failed = :failed, batches_done = :batches, version = version + 1"
                    + " where tenant_id = :tenant and id = :run", update -> update
                            .setParameter("total", after.total).setParameter("done", after.done)
                            .setParameter("failed", after.failed).setParameter("batches", after.batchesDone)
                            .setParameter("tenant", tenant.value()).setParameter("run", runId));
            return after;
        });
    }

    private void record(TenantId tenant, UUID runId, Lease lease, Progress progress, BillingRunStatus finalStatus) {
        database.inTransaction(tenant, (session, tx) -> {
            write(session, tenant, runId, lease, progress, finalStatus);
        });
    }

    private void write(Session session, TenantId tenant, UUID runId, Lease lease, Progress progress,
            BillingRunStatus finalStatus) {
        leases.confirm(session, lease);
        BillingRunEntity run = session.find(BillingRunEntity.class, runId);
        run.total = Math.max(run.total, progress.total);
        run.done = progress.done;
        run.failed = progress.failed;
        run.batchesDone = progress.batchesDone;
        for (BillingFailure failure : progress.failures) {
            if (progress.kept++ < MAX_FAILURES_KEPT) {
                session.persist(new BillingFailureEntity(runId, failure));
            }
        }
        progress.failures.clear();
        if (finalStatus != null) {
            run.status = RunLifecycle.BILLING_RUNS.move(run.status, finalStatus);
            run.finishedAt = now();
            session.createNativeMutationQuery("delete from billing_run_batch where tenant_id = :tenant and run_id = :run")
                    .setParameter("tenant", tenant.value()).setParameter("run", runId).executeUpdate();
        }
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ReceivablesException) {
            return e.getMessage();
        }
        return "unexpected failure (" + e.getClass().getSimpleName() + "); see the log";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** What one run has achieved so far, as last committed and then by this node; touched by its runner thread only. */
    private static final class Progress {
        final LocalDate issueDate;
        int total;
        int done;
        int failed;
        int kept;
        int batchesDone;
        final List<BillingFailure> failures = new ArrayList<>();

        Progress(BillingRunEntity run) {
            issueDate = run.issueDate;
            total = run.total;
            done = run.done;
            failed = run.failed;
            batchesDone = run.batchesDone;
        }

        private Progress(Progress other) {
            issueDate = other.issueDate;
            adopt(other);
        }

        /** A copy to write in a transaction that may roll back; {@link #adopt} it once that commits. */
        Progress copy() {
            return new Progress(this);
        }

        void adopt(Progress other) {
            total = other.total;
            done = other.done;
            failed = other.failed;
            kept = other.kept;
            batchesDone = other.batchesDone;
            failures.clear();
            failures.addAll(other.failures);
        }
    }
}
