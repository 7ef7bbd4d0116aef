package receivables.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.BillingRun;
import receivables.api.invoice.BillingRunStatus;
import receivables.api.invoice.SalesOrder;
import receivables.impl.billing.internal.BackgroundBillingRuns;
import receivables.impl.billing.internal.BillingNode;
import receivables.impl.customer.internal.StoredCustomerAccounts;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;

/**
 * Workload (a): a billing run. Ours is {@link BackgroundBillingRuns} with every order in one run, timed from
 * {@code start} until {@code find} reports it COMPLETED; the baseline is {@link JdbcBilling} writing the same
 * orders into a fresh database of the same kind, once as it always did and once with the audit records ours writes
 * ({@link JdbcBilling.AuditTrail#BY_HAND}), each in a database of its own. Afterwards the ledgers are counted and
 * summed, and the audit records of ours and of the second baseline counted and measured.
 */
final class BillingRunBenchmark {

    static final TenantId TENANT = new TenantId("bench");
    /** Warms up the JIT (ours and the baseline alike) in a tenant of its own, so it never mixes with the figures. */
    static final TenantId WARM_UP = new TenantId("warmup");
    static final LocalDate ISSUE_DATE = LocalDate.of(2026, 4, 1);
    /** The second baseline, in the results table's workload column. */
    static final String AUDITED = "baseline with audit records";
    /** How often the client asks for progress; the run's time is known to within this. */
    private static final long POLL_MILLIS = 20;

    private final DatabaseKind kind;
    private final int invoices;
    private final int customers;
    private final int timeLimitSeconds;
    private final int warmUpOrders;
    private final boolean profiling;
    private final boolean baselineRewrites;

    /**
     * @param timeLimitSeconds when our run is stopped (interrupted) if it has not completed; the baseline has none
     * @param warmUpOrders     the orders each side bills first, untimed, in a tenant of their own; 0 for 2 % of
     *                         {@code invoices}, at least 500, at most 2,000
     * @param baselineRewrites whether the baseline's batches of inserts go as multi-row inserts too, as ours do on
     *                         PostgreSQL
     */
    BillingRunBenchmark(DatabaseKind kind, int invoices, int customers, int timeLimitSeconds, int warmUpOrders,
            boolean profiling, boolean baselineRewrites) {
        this.kind = kind;
        this.invoices = invoices;
        this.customers = customers;
        this.timeLimitSeconds = timeLimitSeconds;
        this.warmUpOrders = warmUpOrders > 0 ? warmUpOrders : Math.max(500, Math.min(2_000, invoices / 50));
        this.profiling = profiling;
        this.baselineRewrites = baselineRewrites;
    }

    /** Two lines: ours against the plain baseline, then against the baseline that also writes the audit records. */
    List<Measurement> run() throws Exception {
        String workload = String.format("billing run, %,d invoices", invoices);
        System.out.printf("%n== %s on %s (%,d customers, %,d warm-up orders)%n", workload, kind.label, customers, warmUpOrders);
        try (FreshDatabase oursStore = kind.create("billing_ours", 0);
                FreshDatabase baselineStore = kind.create("billing_jdbc", 0);
                FreshDatabase auditedStore = kind.create("billing_jdbc_audited", 0)) {
            System.out.println("  ours on " + oursStore.describe() + ", baselines on " + baselineStore.describe()
                    + " and " + auditedStore.describe());
            HibernateDatabase database = oursStore.startOurs();
            List<SalesOrder> orders;
            List<SalesOrder> warmUp;
            double oursSeconds;
            CpuUse oursCpu;
            BillingRun oursRun;
            try {
                LedgerFixture ledger = LedgerFixture.on(database);
                long created = System.nanoTime();
                List<UUID> benchCustomers = createCustomers(ledger.customers(), TENANT, customers);
                List<UUID> warmUpCustomers = createCustomers(ledger.customers(), WARM_UP, 100);
                System.out.printf("  %,d customers created through StoredCustomerAccounts in %.1f s (not timed)%n",
                        customers + 100, seconds(System.nanoTime() - created));
                analyzeCustomers(oursStore);
                orders = OrderBook.generate("SO", benchCustomers, invoices, 12);
                warmUp = OrderBook.generate("WU", warmUpCustomers, warmUpOrders, 13);

                // Closing the node interrupts a run still going at the time limit; it stops after its current batch.
                try (BillingNode node = BillingNode.start(database, ledger.invoices())) {
                    BackgroundBillingRuns runs = node.runs();
                    requireCompleted(untilDone(runs, WARM_UP, warmUp, 0));
                    StackSampler sampler = StackSampler.startIf(profiling, thread -> thread.getName().equals("receivables-billing-run"));
                    CpuUse.Counter cpu = CpuUse.count();
                    long started = System.nanoTime();
                    oursRun = untilDone(runs, TENANT, orders, timeLimitSeconds);
                    oursSeconds = seconds(System.nanoTime() - started);
                    oursCpu = cpu.used();
                    if (sampler != null) {
                        sampler.close();
                        System.out.print(sampler.report("our billing run (thread receivables-billing-run)", 14));
                    }
                }
            } finally {
                TestDatabases.stop(database);
            }
            boolean oursCompleted = oursRun.status() == BillingRunStatus.COMPLETED;
            LedgerTotals oursTotals = null;
            AuditVolume oursAudit = null;
            if (oursCompleted) {
                requireCompleted(oursRun);
                try (Connection connection = oursStore.connect()) {
                    oursTotals = LedgerTotals.read(connection, TENANT.value(), ISSUE_DATE.getYear());
                    oursAudit = AuditVolume.read(connection, TENANT.value());
                }
            } else {
                // Stopping the run interrupted its thread; on H2 that closes the database file, so ours is not read back.
                System.out.printf("  ours stopped at the time limit of %d s: %,d of %,d orders invoiced by then%n",
                        timeLimitSeconds, oursRun.done(), invoices);
            }
            if (profiling) {
                TableActivity.print(oursStore, "ours");
            }

            Baseline plain = baseline(baselineStore, JdbcBilling.AuditTrail.NONE, warmUp, orders);
            Baseline audited = baseline(auditedStore, JdbcBilling.AuditTrail.BY_HAND, warmUp, orders);
            double baselineSeconds = plain.seconds();
            LedgerTotals baselineTotals = plain.totals();

            if (!oursCompleted) {
                System.out.printf("  baseline %.2f s, %s invoices, gross %s%n", baselineSeconds, baselineTotals.get("invoices"),
                        baselineTotals.get("gross"));
                String stopped = String.format("ours stopped at the time limit with %,d of %,d invoiced", oursRun.done(),
                        invoices);
                return List.of(new Measurement(workload, kind.label, timeLimitSeconds, true, baselineSeconds, stopped),
                        new Measurement(workload + ", " + AUDITED, kind.label, timeLimitSeconds, true, audited.seconds(),
                                stopped));
            }
            boolean agree = oursTotals.agreesWith(baselineTotals)
                    && Long.valueOf(invoices).equals(oursTotals.get("invoices"));
            System.out.printf("  %-22s %22s %22s%n", "", "ours", "baseline");
            for (String figure : oursTotals.figures().keySet()) {
                System.out.printf("  %-22s %22s %22s%n", figure, oursTotals.get(figure), baselineTotals.get(figure));
            }
            boolean auditedAgrees = audited.totals().agreesWith(oursTotals) && audited.audit().sameCountAs(oursAudit);
            System.out.printf("  %-22s %22s %22s%n", "invoices' audit records", oursAudit.records(),
                    audited.audit().records());
            System.out.printf("  %-22s %22.0f %22.0f%n", "audit changes (chars)", oursAudit.averageChanges(),
                    audited.audit().averageChanges());
            System.out.printf("  CPU: ours %s; baseline %s; %s %s%n", oursCpu.describe(), plain.cpu().describe(), AUDITED,
                    audited.cpu().describe());
            System.out.printf("  ours %.2f s, baseline %.2f s, ratio %.2f; ledgers %s%n", oursSeconds, baselineSeconds,
                    oursSeconds / baselineSeconds, agree ? "agree" : "DIFFER");
            System.out.printf("  ours %.2f s, %s %.2f s, ratio %.2f; ledgers and audit records %s%n", oursSeconds,
                    AUDITED, audited.seconds(), oursSeconds / audited.seconds(), auditedAgrees ? "agree" : "DIFFER");
            return List.of(new Measurement(workload, kind.label, oursSeconds, baselineSeconds,
                            agree ? "same rows, gross " + oursTotals.get("gross") : "LEDGERS DIFFER"),
                    new Measurement(workload + ", " + AUDITED, kind.label, oursSeconds, audited.seconds(),
                            auditedAgrees ? String.format("same rows and %,d audit records, gross %s",
                                    oursAudit.records(), oursTotals.get("gross")) : "LEDGERS OR AUDIT RECORDS DIFFER"));
        }
    }

    /** One baseline's time, CPU, ledger and audit records. */
    private record Baseline(double seconds, CpuUse cpu, LedgerTotals totals, AuditVolume audit) {
    }

    /** The baseline writing the warm-up, then {@code orders} timed, into {@code store}. */
    private Baseline baseline(FreshDatabase store, JdbcBilling.AuditTrail trail, List<SalesOrder> warmUp,
            List<SalesOrder> orders) throws SQLException, InterruptedException {
        store.migrate();
        Baseline baseline;
        try (Connection connection = baselineRewrites ? store.connectRewritingBatchedInserts() : store.connect()) {
            JdbcBilling.bill(connection, WARM_UP.value(), warmUp, ISSUE_DATE, trail);
            CpuUse.Counter cpu = CpuUse.count();
            long started = System.nanoTime();
            JdbcBilling.bill(connection, TENANT.value(), orders, ISSUE_DATE, trail);
            double seconds = seconds(System.nanoTime() - started);
            CpuUse used = cpu.used();
            baseline = new Baseline(seconds, used, LedgerTotals.read(connection, TENANT.value(), ISSUE_DATE.getYear()),
                    AuditVolume.read(connection, TENANT.value()));
        }
        if (profiling) {
            TableActivity.print(store, trail == JdbcBilling.AuditTrail.NONE ? "baseline" : AUDITED);
        }
        return baseline;
    }

    /** A tenant's audit records of invoices (ours also has its customers'): how many, their changes' average length. */
    private record AuditVolume(long records, double averageChanges) {

        static AuditVolume read(Connection connection, String tenant) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(
                    "select count(*), avg(char_length(changes)) from audit_record where tenant_id = ? and entity_type = 'invoice'")) {
                try (ResultSet row = Jdbc.bind(select, tenant).executeQuery()) {
                    row.next();
                    return new AuditVolume(row.getLong(1), row.getDouble(2));
                }
            }
        }

        /** As many records, their changes within 5 % of the same length: the same fields, values varying in width. */
        boolean sameCountAs(AuditVolume other) {
            return records == other.records && Math.abs(averageChanges - other.averageChanges) <= 0.05 * other.averageChanges;
        }
    }

    /**
     * Starts a run of {@code orders} and polls, as a client would, until it is no longer running or
     * {@code timeLimitSeconds} (0: none) have passed; returns what {@code find} said last.
     */
    private static BillingRun untilDone(BackgroundBillingRuns runs, TenantId tenant, List<SalesOrder> orders,
            int timeLimitSeconds) throws InterruptedException {
        BillingRun run = runs.start(tenant, orders, ISSUE_DATE);
        long deadline = timeLimitSeconds > 0 ? System.nanoTime() + timeLimitSeconds * 1_000_000_000L : Long.MAX_VALUE;
        while (run.status() == BillingRunStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            run = runs.find(tenant, run.id()).orElseThrow();
        }
        return run;
    }

    private static void requireCompleted(BillingRun run) {
        if (run.status() != BillingRunStatus.COMPLETED || run.failed() != 0 || run.done() != run.total()) {
            throw new IllegalStateException("billing run " + run.id() + " ended " + run.status() + " with " + run.done()
                    + " invoiced and " + run.failed() + " failed of " + run.total() + ": " + run.failures());
        }
    }

    /**
     * Planner statistics for the customers just created, as autovacuum would gather them; the PostgreSQL server
     * runs without autovacuum (BENCHMARKS.md), and without statistics it takes one tenant's customers for a
     * handful of rows and looks up a batch's customers by reading all of them.
     */
    private void analyzeCustomers(FreshDatabase store) throws SQLException {
        try (Connection connection = store.connect(); Statement statement = connection.createStatement()) {
            statement.execute(kind == DatabaseKind.POSTGRES ? "analyze customer_account" : "analyze table customer_account");
        }
    }

    private static List<UUID> createCustomers(StoredCustomerAccounts accounts, TenantId tenant, int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add(accounts.create(tenant, CustomerRequest.of(String.format("C-%06d", i),
                    String.format("Customer %06d GmbH", i), null, null, "EUR")).id());
        }
        return ids;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
