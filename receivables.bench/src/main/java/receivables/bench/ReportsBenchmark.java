package receivables.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.report.CashForecast;
import receivables.api.report.CollectionKpi;
import receivables.api.report.CollectionRow;
import receivables.api.report.DimensionAgingRow;
import receivables.api.report.ExpectedReceipt;
import receivables.api.report.ReportDimension;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;
import receivables.api.report.Aging;
import receivables.impl.report.internal.SqlAging;
import receivables.impl.report.internal.SqlCashForecasts;
import receivables.impl.report.internal.SqlReceivablesReports;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Workloads {@code reports} and {@code dso} (PostgreSQL): each of our reports against {@link JdbcReports}, the same
 * question in hand-written SQL, on the same ledger. {@code reports} reads the aging benchmark's open items of tenant
 * {@code bench} (1,000,000 installments of 50,000 customers beside another tenant's 300,000) with invoices, lines
 * and dimensions: aging, receivables and collections by each dimension, the KPIs over 12 months, the cash forecast. {@code
 * dso} reads a payment history (5,000,000 allocations over 24 months and three before) and times the KPIs over 24
 * months. Per report: one run of each to compare their answers, line by line to the cent, then {@code rounds} rounds
 * taking turns; the medians are reported. With {@code unanalyzed}, every report is first timed on the tables as
 * loaded, never analyzed (ours only), then with the baseline after {@code VACUUM ANALYZE}; ours' ratio between the
 * two is printed, and ours' answer never analyzed is compared with the baseline's.
 */
final class ReportsBenchmark {

    static final TenantId TENANT = AgingBenchmark.TENANT;
    static final LocalDate AS_OF = AgingBenchmark.AS_OF;
    /** The quarter up to the as-of day, for the collections. */
    static final LocalDate COLLECTED_FROM = LocalDate.of(2026, 1, 1);

    /** One report: ours and the baseline's answer as comparable lines. */
    private record Case(String name, Answer ours, Answer baseline) {
    }

    private interface Answer {
        List<String> lines(Connection connection) throws SQLException;
    }

    private final DatabaseKind kind;
    private final boolean history;
    private final int customers;
    private final int size;
    private final int noiseInstallments;
    private final int noiseCustomers;
    private final int months;
    private final int rounds;
    private final int timeLimitSeconds;
    private final boolean unanalyzed;

    private ReportsBenchmark(DatabaseKind kind, boolean history, int customers, int size, int noiseInstallments,
            int noiseCustomers, int months, int rounds, int timeLimitSeconds, boolean unanalyzed) {
        this.kind = kind;
        this.history = history;
        this.customers = customers;
        this.size = size;
        this.noiseInstallments = noiseInstallments;
        this.noiseCustomers = noiseCustomers;
        this.months = months;
        this.rounds = rounds;
        this.timeLimitSeconds = timeLimitSeconds;
        this.unanalyzed = unanalyzed;
    }

    /** Every report over {@code installments} open installments of {@code customers}, beside another tenant's. */
    static ReportsBenchmark openItems(DatabaseKind kind, int installments, int customers, int noiseInstallments,
            int noiseCustomers, int rounds, int timeLimitSeconds, boolean unanalyzed) {
        return new ReportsBenchmark(kind, false, customers, installments, noiseInstallments, noiseCustomers, 12, rounds,
                timeLimitSeconds, unanalyzed);
    }

    /** The KPIs over {@code months} months of a history of {@code payments} allocations of {@code customers}. */
    static ReportsBenchmark history(DatabaseKind kind, int payments, int customers, int months, int rounds,
            int timeLimitSeconds, boolean unanalyzed) {
        return new ReportsBenchmark(kind, true, customers, payments, 0, 0, months, rounds, timeLimitSeconds, unanalyzed);
    }

    List<Measurement> run() throws Exception {
        String workload = history ? String.format("dso, %,d payments over %d months", size, months)
                : String.format("reports, %,d installments", size);
        System.out.printf("%n== %s on %s (%,d customers)%n", workload, kind.label, customers);
        try (FreshDatabase store = kind.create(history ? "dso" : "reports", timeLimitSeconds)) {
            System.out.println("  on " + store.describe());
            HibernateDatabase database = store.startOurs();
            try (Connection connection = store.connect()) {
                long loading = System.nanoTime();
                if (history) {
                    System.out.println("  loaded " + AgingLedger.loadHistory(connection, kind, TENANT.value(), customers,
                            size, AS_OF, months, 31));
                } else {
                    System.out.println("  loaded " + AgingLedger.loadWithDimensions(connection, kind, TENANT.value(),
                            customers, size, 21));
                    System.out.println("  loaded " + AgingLedger.loadWithDimensions(connection, kind,
                            AgingBenchmark.NOISE.value(), noiseCustomers, noiseInstallments, 22));
                }
                System.out.printf("  in %.1f s (not timed)%n", BillingRunBenchmark.seconds(System.nanoTime() - loading));
                List<Case> cases = cases(database);
                List<Timed> withoutStatistics = new ArrayList<>();
                if (unanalyzed) {
                    // Ours only: the baseline's hand-written joins, planned without statistics, take minutes where they
                    // took seconds, and nothing here is meant to hold for them. Its answer after ANALYZE is the same.
                    System.out.println("  -- ours on tables never analyzed");
                    for (Case report : cases) {
                        Timed ours = time(report.ours(), connection);
                        withoutStatistics.add(ours);
                        System.out.printf("  %-40s ours %8.3f s%n", report.name(), ours.seconds());
                    }
                }
                long analyzing = System.nanoTime();
                AgingLedger.analyze(connection, kind);
                System.out.printf("  -- after VACUUM ANALYZE (%.1f s, not timed)%n",
                        BillingRunBenchmark.seconds(System.nanoTime() - analyzing));
                List<Measurement> measurements = new ArrayList<>();
                List<Measurement> unanalyzedMeasurements = new ArrayList<>();
                for (int i = 0; i < cases.size(); i++) {
                    Case report = cases.get(i);
                    Timed baseline = measure(report, connection, workload, measurements);
                    if (unanalyzed) {
                        Timed ours = withoutStatistics.get(i);
                        double degradation = ours.seconds() / measurements.get(i).oursSeconds();
                        String check = compare(ours.lines(), baseline.lines());
                        System.out.printf("  %-40s never analyzed: ours %8.3f s, %.2f times ours analyzed%s; %s%n",
                                report.name(), ours.seconds(), degradation, degradation > 3 ? " (MORE THAN 3)" : "", check);
                        unanalyzedMeasurements.add(new Measurement(report.name() + ", never analyzed (" + workload
                                + "; baseline analyzed)", kind.label, ours.seconds(), baseline.seconds(), check));
                    }
                }
                measurements.addAll(unanalyzedMeasurements);
                return measurements;
            } finally {
                TestDatabases.stop(database);
            }
        }
    }

    private List<Case> cases(HibernateDatabase database) {
        SqlReceivablesReports reports = new SqlReceivablesReports(database, new TenantDirectory());
        SqlCashForecasts forecasts = new SqlCashForecasts(database);
        String tenant = TENANT.value();
        List<LocalDate> days = trendDays(AS_OF, months);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("kpis, " + months + " months",
                connection -> kpiLines(reports.kpis(TENANT, AS_OF, months).trend()),
                connection -> JdbcReports.kpis(connection, tenant, days)));
        if (history) {
            return cases;
        }
        SqlAging aging = new SqlAging(database);
        cases.add(new Case("aging", connection -> aging.report(TENANT, AS_OF, Aging.DEFAULT_LIMITS).rows().stream()
                .map(row -> String.join("|", row.customerId().toString(), row.customerName(), row.currency(),
                        String.join("|", row.buckets().stream().map(money -> JdbcReports.text(money.amount())).toList()),
                        JdbcReports.text(row.total().amount()))).toList(),
                connection -> JdbcAging.report(connection, tenant, AS_OF, Aging.DEFAULT_LIMITS).stream()
                        .map(line -> String.join("|", line.customerId().toString(), line.customerName(), line.currency(),
                                String.join("|", java.util.Arrays.stream(line.buckets()).map(JdbcReports::text).toList()),
                                JdbcReports.text(line.total()))).toList()));
        for (ReportDimension dimension : ReportDimension.values()) {
            cases.add(new Case("receivables by " + dimension.parameter(),
                    connection -> receivablesLines(reports.receivables(TENANT, AS_OF, dimension, null).rows()),
                    connection -> JdbcReports.receivables(connection, tenant, AS_OF, dimension)));
        }
        for (ReportDimension dimension : ReportDimension.values()) {
            cases.add(new Case("collections by " + dimension.parameter(),
                    connection -> collectionLines(reports.collections(TENANT, COLLECTED_FROM, AS_OF, dimension).rows()),
                    connection -> JdbcReports.collections(connection, tenant, COLLECTED_FROM, AS_OF, dimension)));
        }
        cases.add(new Case("cash forecast", connection -> forecastLines(forecasts.forecast(TENANT, AS_OF)),
                connection -> JdbcReports.cashForecast(connection, tenant, AS_OF)));
        return cases;
    }

    /** A report's answer and the median of its timed runs. */
    private record Timed(List<String> lines, double seconds) {
    }

    /** One warm-up, whose answer is kept, then {@code rounds} timed runs; the median. */
    private Timed time(Answer answer, Connection connection) throws SQLException {
        List<String> lines = answer.lines(connection);
        double[] seconds = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            answer.lines(connection);
            seconds[round] = BillingRunBenchmark.seconds(System.nanoTime() - started);
        }
        return new Timed(lines, AgingBenchmark.median(seconds));
    }

    /**
     * One warm-up of each (whose answers are compared), then {@code rounds} rounds taking turns; adds the medians to
     * {@code measurements} and returns the baseline's.
     */
    private Timed measure(Case report, Connection connection, String workload, List<Measurement> measurements)
            throws SQLException {
        List<String> ours = report.ours().lines(connection);
        List<String> baseline = report.baseline().lines(connection);
        String check = compare(ours, baseline);
        double[] oursSeconds = new double[rounds];
        double[] baselineSeconds = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            report.ours().lines(connection);
            oursSeconds[round] = BillingRunBenchmark.seconds(System.nanoTime() - started);
            started = System.nanoTime();
            report.baseline().lines(connection);
            baselineSeconds[round] = BillingRunBenchmark.seconds(System.nanoTime() - started);
        }
        double oursMedian = AgingBenchmark.median(oursSeconds);
        double baselineMedian = AgingBenchmark.median(baselineSeconds);
        System.out.printf("  %-40s ours %8.3f s, baseline %8.3f s, ratio %5.2f; %s%n", report.name(), oursMedian,
                baselineMedian, oursMedian / baselineMedian, check);
        measurements.add(new Measurement(report.name() + " (" + workload + ")", kind.label, oursMedian, baselineMedian,
                check));
        return new Timed(baseline, baselineMedian);
    }

    /** "same N lines", or where they differ. */
    private static String compare(List<String> ours, List<String> baseline) {
        Set<String> onlyOurs = new HashSet<>(ours);
        baseline.forEach(onlyOurs::remove);
        Set<String> onlyBaseline = new HashSet<>(baseline);
        ours.forEach(onlyBaseline::remove);
        if (onlyOurs.isEmpty() && onlyBaseline.isEmpty() && ours.size() == baseline.size()) {
            return String.format("same %,d lines", ours.size());
        }
        return String.format("DIFFER: ours %,d lines, baseline %,d; only ours e.g. %s; only baseline e.g. %s", ours.size(),
                baseline.size(), onlyOurs.stream().sorted().limit(3).toList(),
                onlyBaseline.stream().sorted().limit(3).toList());
    }

    /** The KPI days as {@code SqlReceivablesReports.kpis} takes them: the month ends before, then the as-of day. */
    static List<LocalDate> trendDays(LocalDate asOf, int months) {
        List<LocalDate> days = new ArrayList<>();
        for (int back = months - 1; back >= 1; back--) {
            days.add(YearMonth.from(asOf).minusMonths(back).atEndOfMonth());
        }
        days.add(asOf);
        return days;
    }

    private static List<String> receivablesLines(List<DimensionAgingRow> rows) {
        return rows.stream().map(row -> String.join("|", row.key() == null ? "null" : row.key(),
                row.label() == null ? "null" : row.label(), row.currency(),
                String.join("|", row.buckets().stream().map(money -> JdbcReports.text(money.amount())).toList()),
                JdbcReports.text(row.total().amount()))).toList();
    }

    private static List<String> collectionLines(List<CollectionRow> rows) {
        return rows.stream().map(row -> String.join("|", row.key() == null ? "null" : row.key(),
                row.label() == null ? "null" : row.label(), row.currency(), JdbcReports.text(row.collected().amount()),
                decimal(row.onTimePercent()), decimal(row.averageDaysToPay()), decimal(row.averageDaysBeyondTerms())))
                .toList();
    }

    private static List<String> kpiLines(List<CollectionKpi> trend) {
        return trend.stream().map(kpi -> String.join("|", kpi.asOf().toString(), JdbcReports.text(kpi.receivables().amount()),
                JdbcReports.text(kpi.current().amount()), decimal(kpi.dso()), decimal(kpi.bestPossibleDso()),
                decimal(kpi.averageDaysDelinquent()), decimal(kpi.cei()))).toList();
    }

    private static List<String> forecastLines(CashForecast forecast) {
        List<String> lines = new ArrayList<>();
        for (ExpectedReceipt day : forecast.days()) {
            lines.add("D|" + day.date() + "|" + money(day.amount()));
        }
        for (ExpectedReceipt week : forecast.weeks()) {
            lines.add("W|" + week.date() + "|" + money(week.amount()));
        }
        for (ExpectedReceipt later : forecast.later()) {
            lines.add("L|" + money(later.amount()));
        }
        return lines;
    }

    private static String money(Money money) {
        return money.currency() + "|" + JdbcReports.text(money.amount());
    }

    private static String decimal(BigDecimal value) {
        return value == null ? "null" : JdbcReports.text(value);
    }
}
