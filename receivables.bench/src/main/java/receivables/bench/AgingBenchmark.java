package receivables.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.report.Aging;
import receivables.api.report.AgingReport;
import receivables.api.report.AgingRow;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;

/**
 * Workload (b): the aging report of one tenant whose open items share the tables with another tenant's.
 * Ours is {@code SqlAging.report}; the baseline is {@link JdbcAging}. Both run on the same database and the
 * same rows: one warm-up each, then five rounds taking turns, and the median of each is reported.
 */
final class AgingBenchmark {

    static final TenantId TENANT = new TenantId("bench");
    static final TenantId NOISE = new TenantId("noise");
    /** A day inside the generated issue dates, so that later installments and allocations must be left out. */
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    /**
     * A day after every generated value date (issues end in June 2026, allocations 150 days after their issue at the
     * latest): today's report, every installment issued and nothing allocated later to add back.
     */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final int ROUNDS = 5;

    private final DatabaseKind kind;
    private final int installments;
    private final int customers;
    private final int noiseInstallments;
    private final int noiseCustomers;
    private final int timeLimitSeconds;
    private final boolean profiling;

    /** @param timeLimitSeconds how long one report may take before the database cancels it, ours and the baseline's alike */
    AgingBenchmark(DatabaseKind kind, int installments, int customers, int noiseInstallments, int noiseCustomers,
            int timeLimitSeconds, boolean profiling) {
        this.kind = kind;
        this.installments = installments;
        this.customers = customers;
        this.noiseInstallments = noiseInstallments;
        this.noiseCustomers = noiseCustomers;
        this.timeLimitSeconds = timeLimitSeconds;
        this.profiling = profiling;
    }

    /** The report as of {@link #AS_OF}, then as of {@link #TODAY}, on the same ledger. */
    List<Measurement> run() throws Exception {
        String workload = String.format("aging, %,d installments", installments);
        System.out.printf("%n== %s on %s (%,d customers; tenant %s: %,d installments of %,d customers)%n", workload,
                kind.label, customers, NOISE.value(), noiseInstallments, noiseCustomers);
        try (FreshDatabase store = kind.create("aging", timeLimitSeconds)) {
            System.out.println("  on " + store.describe());
            HibernateDatabase database = store.startOurs();
            try (Connection connection = store.connect()) {
                Aging aging = LedgerFixture.on(database).aging();
                long loading = System.nanoTime();
                AgingLedger.Loaded bench = AgingLedger.load(connection, kind, TENANT.value(), customers, installments, 21);
                AgingLedger.Loaded noise = AgingLedger.load(connection, kind, NOISE.value(), noiseCustomers, noiseInstallments, 22);
                AgingLedger.analyze(connection, kind);
                System.out.printf("  loaded %s and %s in %.1f s (not timed)%n", bench, noise,
                        BillingRunBenchmark.seconds(System.nanoTime() - loading));
                return List.of(measure(aging, connection, workload, AS_OF, profiling),
                        measure(aging, connection, workload + " as of today", TODAY, false));
            } finally {
                TestDatabases.stop(database);
            }
        }
    }

    /** Ours and the baseline as of {@code asOf}: one warm-up each, then {@link #ROUNDS} rounds taking turns. */
    private Measurement measure(Aging aging, Connection connection, String workload, LocalDate asOf, boolean profile)
            throws Exception {
        System.out.printf("  as of %s%n", asOf);
        AgingReport ours = withinTimeLimit(() -> aging.report(TENANT, asOf, Aging.DEFAULT_LIMITS));
        List<JdbcAging.Line> baseline = JdbcAging.report(connection, TENANT.value(), asOf, Aging.DEFAULT_LIMITS);
        double[] oursSeconds = new double[ROUNDS];
        double[] baselineSeconds = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            if (ours != null) {
                long started = System.nanoTime();
                ours = aging.report(TENANT, asOf, Aging.DEFAULT_LIMITS);
                oursSeconds[round] = BillingRunBenchmark.seconds(System.nanoTime() - started);
            }
            long started = System.nanoTime();
            baseline = JdbcAging.report(connection, TENANT.value(), asOf, Aging.DEFAULT_LIMITS);
            baselineSeconds[round] = BillingRunBenchmark.seconds(System.nanoTime() - started);
        }
        double baselineMedian = median(baselineSeconds);
        System.out.printf("  rounds ours %s s, baseline %s s%n", ours == null ? "-" : rounded(oursSeconds),
                rounded(baselineSeconds));
        if (ours == null) {
            if (profile) {
                explain(connection);
            }
            System.out.printf("  ours did not finish within %d s (the warm-up was cancelled); baseline %.3f s%n",
                    timeLimitSeconds, baselineMedian);
            return new Measurement(workload, kind.label, timeLimitSeconds, true, baselineMedian,
                    String.format("ours cancelled after %d s; baseline %,d rows", timeLimitSeconds, baseline.size()));
        }

        boolean agree = ours.rows().size() == baseline.size();
        Map<String, BigDecimal[]> baselineTotals = totalsPerCurrency(baseline, ours.buckets().size());
        System.out.printf("  rows: ours %,d, baseline %,d%n", ours.rows().size(), baseline.size());
        for (AgingRow total : ours.totals()) {
            BigDecimal[] theirs = baselineTotals.remove(total.currency());
            List<BigDecimal> mine = new ArrayList<>(total.buckets().stream().map(Money::amount).toList());
            mine.add(total.total().amount());
            boolean same = theirs != null && compareAll(mine, theirs);
            agree &= same;
            System.out.printf("  %s total ours %s, baseline %s%s; buckets ours %s%n", total.currency(),
                    total.total().amount().toPlainString(), theirs == null ? "-" : theirs[theirs.length - 1].toPlainString(),
                    same ? "" : " DIFFER", mine.subList(0, mine.size() - 1));
        }
        agree &= baselineTotals.isEmpty();

        if (profile) {
            profile(aging, connection);
        }
        double oursMedian = median(oursSeconds);
        System.out.printf("  ours %.3f s, baseline %.3f s (medians of %d), ratio %.2f; totals %s%n", oursMedian,
                baselineMedian, ROUNDS, oursMedian / baselineMedian, agree ? "agree" : "DIFFER");
        return new Measurement(workload, kind.label, oursMedian, baselineMedian,
                agree ? String.format("same %,d rows and totals per currency", baseline.size()) : "TOTALS DIFFER");
    }

    /** The report, or {@code null} when the database cancelled it at the time limit. */
    private static AgingReport withinTimeLimit(java.util.function.Supplier<AgingReport> report) {
        try {
            return report.get();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                // 57014 query_canceled: PostgreSQL's statement_timeout and H2's QUERY_TIMEOUT alike
                if (cause instanceof java.sql.SQLTimeoutException
                        || cause instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                    return null;
                }
            }
            throw e;
        }
    }

    /** Where our report spends its time, and the plan the database chose for the baseline's query. */
    private void profile(Aging aging, Connection connection) throws Exception {
        Thread self = Thread.currentThread();
        StackSampler sampler = StackSampler.startIf(true, thread -> thread == self);
        for (int round = 0; round < ROUNDS; round++) {
            aging.report(TENANT, AS_OF, Aging.DEFAULT_LIMITS);
        }
        sampler.close();
        System.out.print(sampler.report("our aging report, " + ROUNDS + " more runs (main thread)", 14));
        explain(connection);
    }

    /**
     * The plans of two joins of the allocations up to the as-of day: by installment (the shape SqlAging had before it
     * read the open amounts kept per installment) and by invoice and installment (the baseline's).
     */
    private void explain(Connection connection) throws SQLException {
        String paidByInstallment = "select installment_id, sum(amount) as paid from allocation where tenant_id = 'bench'"
                + " and value_date <= date '" + AS_OF + "' group by installment_id";
        String paidByInvoiceAndInstallment = "select invoice_id, installment_id, sum(amount) as paid from allocation"
                + " where tenant_id = 'bench' and value_date <= date '" + AS_OF + "' group by invoice_id, installment_id";
        explain(connection, "the join by installment", paidByInstallment, "p.installment_id = i.id");
        explain(connection, "the baseline's join", paidByInvoiceAndInstallment,
                "p.invoice_id = i.invoice_id and p.installment_id = i.id");
    }

    private void explain(Connection connection, String title, String paid, String on) throws SQLException {
        // EXPLAIN ANALYZE would run the query, which on H2 with the join by installment does not finish; the plan suffices.
        String explain = kind == DatabaseKind.POSTGRES ? "explain (analyze, buffers) " : "explain ";
        String sql = "select i.customer_id, c.name, i.currency, sum(i.amount - coalesce(p.paid, 0))"
                + " from installment i join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_id"
                + " left join (" + paid + ") p on " + on
                + " where i.tenant_id = 'bench' and i.issue_date <= date '" + AS_OF + "'"
                + " group by i.customer_id, c.name, i.currency having sum(i.amount - coalesce(p.paid, 0)) <> 0"
                + " order by c.name, i.customer_id, i.currency";
        try (Statement statement = connection.createStatement(); ResultSet plan = statement.executeQuery(explain + sql)) {
            System.out.println("  plan with " + title + " (" + kind.label + "):");
            while (plan.next()) {
                System.out.println("    " + plan.getString(1).replace("\n", "\n    "));
            }
        }
    }

    private static Map<String, BigDecimal[]> totalsPerCurrency(List<JdbcAging.Line> lines, int bucketCount) {
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        for (JdbcAging.Line line : lines) {
            BigDecimal[] sums = totals.computeIfAbsent(line.currency(), currency -> {
                BigDecimal[] zeros = new BigDecimal[bucketCount + 1];
                Arrays.fill(zeros, BigDecimal.ZERO);
                return zeros;
            });
            for (int b = 0; b < bucketCount; b++) {
                sums[b] = sums[b].add(line.buckets()[b]);
            }
            sums[bucketCount] = sums[bucketCount].add(line.total());
        }
        return totals;
    }

    private static boolean compareAll(List<BigDecimal> mine, BigDecimal[] theirs) {
        if (mine.size() != theirs.length) {
            return false;
        }
        for (int i = 0; i < theirs.length; i++) {
            if (mine.get(i).compareTo(theirs[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String rounded(double[] values) {
        return Arrays.stream(values).mapToObj(value -> String.format("%.3f", value)).toList().toString();
    }
}
