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
import java.util.concurrent.ExecutorService;

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
import receivables.impl.background.internal.BackgroundThreads;
import receivables.impl.invoice.internal.StoredInvoices;
import receivables.impl.persistence.internal.Database;

/**
 * Runs billing runs on a background thread of this node. Orders go in batches, each batch one transaction;
 * a batch that fails is retried order by order so that only the culprits fail. Progress is written to the
 * database after every batch, so any node can report it.
 */
@Component(service = BillingRuns.class)
public class BackgroundBillingRuns implements BillingRuns {

    static final int BATCH_SIZE = 200;
    static final int MAX_ORDERS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundBillingRuns.class);

    @Reference
    Database database;

    @Reference
    StoredInvoices invoices;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<OrderSource> orderSources = List.of();

    Clock clock = Clock.systemUTC();

    private ExecutorService runner;

    @Activate
    void activate() {
        runner = BackgroundThreads.runner("receivables-billing-run");
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        BackgroundThreads.stop(runner);
    }

    @Override
    public BillingRun start(TenantId tenant, List<SalesOrder> orders, LocalDate issueDate) {
        if (issueDate == null) {
            throw new InvalidRequestException(FieldViolation.of("issueDate", "is required"));
        }
        List<SalesOrder> given = orders == null ? List.of() : List.copyOf(orders);
        if (given.size() > MAX_ORDERS) {
            throw new InvalidRequestException(FieldViolation.of("orders", "at most " + MAX_ORDERS + " orders per run"));
        }
        UUID id = UUID.randomUUID();
        BillingRun run = database.inTransaction(tenant, session -> {
            BillingRunEntity entity = new BillingRunEntity(id, issueDate, given.size(), now());
            session.persist(entity);
            return entity.toValue(List.of());
        });
        runner.execute(() -> run(tenant, id, given, issueDate));
        return run;
    }

    @Override
    public Optional<BillingRun> find(TenantId tenant, UUID runId) {
        return database.inTransaction(tenant, session -> Optional.ofNullable(session.find(BillingRunEntity.class, runId))
                .map(run -> run.toValue(session.createSelectionQuery(
                                "from BillingFailure f where f.runId = :run order by f.orderId", BillingFailureEntity.class)
                        .setParameter("run", runId).setMaxResults(MAX_FAILURES_KEPT)
                        .getResultStream().map(BillingFailureEntity::toValue).toList())));
    }

    private void run(TenantId tenant, UUID runId, List<SalesOrder> orders, LocalDate issueDate) {
        Progress progress = new Progress();
        try {
            if (orders.isEmpty()) {
                invoiceFromSources(tenant, runId, issueDate, progress);
            } else {
                for (int from = 0; from < orders.size() && !Thread.currentThread().isInterrupted(); from += BATCH_SIZE) {
                    invoiceBatch(tenant, orders.subList(from, Math.min(orders.size(), from + BATCH_SIZE)), issueDate, progress);
                    record(tenant, runId, progress, null);
                }
            }
            record(tenant, runId, progress, Thread.currentThread().isInterrupted()
                    ? BillingRunStatus.INTERRUPTED : BillingRunStatus.COMPLETED);
        } catch (RuntimeException e) {
            LOG.error("Billing run {} of tenant {} stopped", runId, tenant, e);
            record(tenant, runId, progress, BillingRunStatus.INTERRUPTED);
        }
    }

    /** Asks every order source until none has an order this run has not tried yet. */
    private void invoiceFromSources(TenantId tenant, UUID runId, LocalDate issueDate, Progress progress) {
        Set<String> tried = new HashSet<>();
        boolean more = true;
        while (more && !Thread.currentThread().isInterrupted()) {
            more = false;
            for (OrderSource source : orderSources) {
                List<SalesOrder> fresh = source.ordersToInvoice(tenant, BATCH_SIZE).stream()
                        .filter(order -> order != null && tried.add(String.valueOf(order.orderId())))
                        .toList();
                if (!fresh.isEmpty() && tried.size() <= MAX_ORDERS) {
                    more = true;
                    progress.total += fresh.size();
                    invoiceBatch(tenant, fresh, issueDate, progress);
                    record(tenant, runId, progress, null);
                }
            }
        }
    }

    private void invoiceBatch(TenantId tenant, List<SalesOrder> batch, LocalDate issueDate, Progress progress) {
        try {
            invoices.invoiceAndIssue(tenant, batch, issueDate);
            progress.done += batch.size();
        } catch (RuntimeException batchFailed) {
            for (SalesOrder order : batch) {
                try {
                    invoices.invoiceAndIssue(tenant, List.of(order), issueDate);
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
        }
    }

    private void record(TenantId tenant, UUID runId, Progress progress, BillingRunStatus finalStatus) {
        database.inTransaction(tenant, session -> {
            BillingRunEntity run = session.find(BillingRunEntity.class, runId);
            run.total = Math.max(run.total, progress.total);
            run.done = progress.done;
            run.failed = progress.failed;
            for (BillingFailure failure : progress.failures) {
                if (progress.kept++ < MAX_FAILURES_KEPT) {
                    session.persist(new BillingFailureEntity(runId, failure));
                }
            }
            progress.failures.clear();
            if (finalStatus != null) {
                run.status = finalStatus;
                run.finishedAt = now();
            }
            return null;
        });
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

    /** What one run has achieved so far; touched by its runner thread only. */
    private static final class Progress {
        int total;
        int done;
        int failed;
        int kept;
        final List<BillingFailure> failures = new ArrayList<>();
    }
}
