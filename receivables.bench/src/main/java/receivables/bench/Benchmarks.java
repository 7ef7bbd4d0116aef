package receivables.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import receivables.impl.persistence.internal.TestDatabases;

/**
 * Times our billing runs, aging report and statement import against hand-written JDBC on the same database and
 * the same data, and the reference host's start and hot deploy against the bare framework stack
 * ({@link HostStartBenchmark}, {@link HotDeployBenchmark}), and prints a table: workload, database, ours, baseline,
 * ratio.
 *
 * <pre>
 * Benchmarks [profile]                       the standard plan, see {@link #STANDARD_PLAN}
 * Benchmarks [h2] [postgres] [billing] [aging] [statements] [dunning] [reports] [dso] [start] [hotdeploy] [payments]
 *            [profile] [baselineRewrites] [unanalyzed] [invoices=N] [customers=N]
 *            [installments=N] [agingCustomers=N] [noiseInstallments=N] [noiseCustomers=N]
 *            [billingTimeLimit=seconds] [billingWarmUp=N] [agingTimeLimit=seconds] [entries=N] [openInvoices=N]
 *            [dunningCustomers=N] [dunningInstallments=N] [starts=N] [loadRounds=N] [deploys=N]
 *            [paymentSeconds=N] [paymentWarmUp=seconds] [paymentRate=N] [paymentInvoices=N] [paymentCustomers=N]
 * </pre>
 *
 * With any database, workload or size named, every named workload runs on every named database (both when
 * none is named; billing and aging when no workload is named) at the sizes given, the sizes by default:
 * 100,000 invoices for 10,000 customers; 1,000,000 installments of 50,000 customers beside 300,000 of another
 * tenant's 15,000; a camt.053 of 100,000 entries against 2,000 open invoices; a dunning run over 50,000 customers
 * with 1,000,000 open installments (PostgreSQL only); 3 starts of each host with 100 load rounds; 5 deployments;
 * payments over REST to the reference host at concurrency 1, 16, 32 and 64 and at 1,000 a second, 10 s each
 * (PostgreSQL only, {@link PaymentsLoadBenchmark}). The statement import, the dunning run and the payments load take
 * minutes and are in no plan unless named, nor are start and hotdeploy, which start the host jar built by
 * receivables.runtime (on its embedded H2 whatever database is named). Our billing run is stopped after
 * {@code billingTimeLimit} (1,800 s), an aging report running longer than {@code agingTimeLimit} (60 s) is cancelled
 * by the database; either is reported as not finished, with the baseline's time. Ours and the billing baselines
 * warm up on {@code billingWarmUp} orders first, by default 2 % of the invoices (at least 500, at most 2,000).
 * {@code profile} adds stack samples and table statistics; sampling costs time, so its figures are not the
 * ones to record. {@code baselineRewrites} gives the billing baseline's PostgreSQL connection what our pool has,
 * {@code reWriteBatchedInserts}, so that the ratio shows what is left once both send multi-row inserts.
 */
public final class Benchmarks {

    private static final Map<String, Integer> DEFAULT_SIZES = Map.ofEntries(Map.entry("invoices", 100_000),
            Map.entry("customers", 10_000), Map.entry("installments", 1_000_000), Map.entry("agingCustomers", 50_000),
            Map.entry("noiseInstallments", 300_000), Map.entry("noiseCustomers", 15_000), Map.entry("agingTimeLimit", 60),
            Map.entry("billingTimeLimit", 1_800), Map.entry("billingWarmUp", 0), Map.entry("entries", 100_000),
            Map.entry("openInvoices", 2_000),
            Map.entry("dunningCustomers", 50_000), Map.entry("dunningInstallments", 1_000_000),
            Map.entry("dsoPayments", 5_000_000), Map.entry("dsoCustomers", 50_000), Map.entry("dsoMonths", 24),
            Map.entry("reportRounds", 3), Map.entry("reportTimeLimit", 300), Map.entry("starts", 3),
            Map.entry("loadRounds", 100), Map.entry("deploys", 5), Map.entry("paymentSeconds", 10),
            Map.entry("paymentWarmUp", 5), Map.entry("paymentRate", 1_000), Map.entry("paymentInvoices", 1_000),
            Map.entry("paymentCustomers", 100));
    private static final Map<String, Integer> TENTH_AGING = Map.of("installments", 100_000, "agingCustomers", 5_000,
            "noiseInstallments", 30_000, "noiseCustomers", 1_500);

    /** One benchmark of the plan: a workload on a database at given sizes. */
    private record Run(String workload, DatabaseKind kind, Map<String, Integer> sizes) {

        private static final Map<String, List<String>> SIZES_OF = Map.of(
                "billing", List.of("invoices", "customers", "billingTimeLimit", "billingWarmUp"),
                "aging", List.of("installments", "agingCustomers", "noiseInstallments", "noiseCustomers", "agingTimeLimit"),
                "statements", List.of("entries", "openInvoices"),
                "dunning", List.of("dunningCustomers", "dunningInstallments"),
                "reports", List.of("installments", "agingCustomers", "noiseInstallments", "noiseCustomers", "reportRounds",
                        "reportTimeLimit"),
                "dso", List.of("dsoPayments", "dsoCustomers", "dsoMonths", "reportRounds", "reportTimeLimit"),
                "start", List.of("starts", "loadRounds"),
                "hotdeploy", List.of("deploys"),
                "payments", List.of("paymentSeconds", "paymentWarmUp", "paymentRate", "paymentInvoices",
                        "paymentCustomers"));

        Map<String, Integer> relevantSizes() {
            Map<String, Integer> relevant = new java.util.LinkedHashMap<>();
            SIZES_OF.get(workload).forEach(name -> relevant.put(name, sizes.get(name)));
            return relevant;
        }

        /** The run at the sizes but for {@code overrides}. */
        static Run of(String workload, DatabaseKind kind, Map<String, Integer> overrides) {
            Map<String, Integer> sizes = new TreeMap<>(DEFAULT_SIZES);
            sizes.putAll(overrides);
            return new Run(workload, kind, sizes);
        }
    }

    /**
     * Both workloads at the sizes on both databases, but aging on H2 at a tenth of them: about 5 minutes
     * on 2 cores. Loading 1,300,000 installments into H2 alone takes minutes; {@code h2 aging} runs the report
     * at the sizes there.
     */
    private static final List<Run> STANDARD_PLAN = List.of(
            Run.of("billing", DatabaseKind.POSTGRES, Map.of()),
            Run.of("billing", DatabaseKind.H2, Map.of()),
            Run.of("aging", DatabaseKind.POSTGRES, Map.of()),
            Run.of("aging", DatabaseKind.H2, TENTH_AGING));

    /** The workloads that start the reference host and the bare stack as processes instead of wiring ours here. */
    private static final Set<String> HOSTED = Set.of("start", "hotdeploy");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Set<DatabaseKind> databases = new LinkedHashSet<>();
        Set<String> workloads = new LinkedHashSet<>();
        Map<String, Integer> sizes = new TreeMap<>();
        boolean profiling = false;
        boolean baselineRewrites = false;
        boolean unanalyzed = false;
        for (String arg : args) {
            DatabaseKind kind = DatabaseKind.of(arg);
            if (kind != null) {
                databases.add(kind);
            } else if (List.of("billing", "aging", "statements", "dunning", "reports", "dso", "start", "hotdeploy",
                    "payments").contains(arg)) {
                workloads.add(arg);
            } else if (arg.equals("profile")) {
                profiling = true;
            } else if (arg.equals("baselineRewrites")) {
                baselineRewrites = true;
            } else if (arg.equals("unanalyzed")) {
                unanalyzed = true;
            } else if (arg.contains("=") && DEFAULT_SIZES.containsKey(arg.substring(0, arg.indexOf('=')))) {
                sizes.put(arg.substring(0, arg.indexOf('=')), Integer.parseInt(arg.substring(arg.indexOf('=') + 1).replace("_", "")));
            } else {
                System.err.println("unknown argument " + arg + "; expected h2, postgres, billing, aging, statements, dunning,"
                        + " reports, dso, start, hotdeploy, payments, profile, baselineRewrites, unanalyzed or one of "
                        + new TreeMap<>(DEFAULT_SIZES).keySet() + " as name=number");
                System.exit(2);
            }
        }
        List<Run> plan = new ArrayList<>();
        if (databases.isEmpty() && workloads.isEmpty() && sizes.isEmpty()) {
            plan.addAll(STANDARD_PLAN);
        } else {
            for (String workload : workloads.isEmpty() ? List.of("billing", "aging") : workloads) {
                if (HOSTED.contains(workload)) {
                    // The started hosts run on their embedded H2, whatever database is named.
                    plan.add(Run.of(workload, DatabaseKind.H2, sizes));
                    continue;
                }
                for (DatabaseKind kind : databases.isEmpty() ? List.of(DatabaseKind.values()) : databases) {
                    // The issue asks for the dunning run, the reports and the payments load on PostgreSQL only.
                    if (!List.of("dunning", "reports", "dso", "payments").contains(workload)
                            || kind == DatabaseKind.POSTGRES) {
                        plan.add(Run.of(workload, kind, sizes));
                    }
                }
            }
        }
        describeMachine(plan, profiling);

        long started = System.nanoTime();
        List<Measurement> measurements = new ArrayList<>();
        HostJars hostJars = plan.stream().anyMatch(run -> HOSTED.contains(run.workload())) ? HostJars.prepare() : null;
        for (Run run : plan) {
            if (!run.kind().reachable()) {
                System.out.printf("%n== %s on %s skipped: %s%n", run.workload(), run.kind().label,
                        TestDatabases.POSTGRES_UNREACHABLE);
                continue;
            }
            Map<String, Integer> size = run.sizes();
            measurements.addAll(switch (run.workload()) {
                case "reports" -> ReportsBenchmark.openItems(run.kind(), size.get("installments"),
                        size.get("agingCustomers"), size.get("noiseInstallments"), size.get("noiseCustomers"),
                        size.get("reportRounds"), size.get("reportTimeLimit"), unanalyzed).run();
                case "dso" -> ReportsBenchmark.history(run.kind(), size.get("dsoPayments"), size.get("dsoCustomers"),
                        size.get("dsoMonths"), size.get("reportRounds"), size.get("reportTimeLimit"), unanalyzed).run();
                case "billing" -> new BillingRunBenchmark(run.kind(), size.get("invoices"), size.get("customers"),
                        size.get("billingTimeLimit"), size.get("billingWarmUp"), profiling, baselineRewrites).run();
                case "aging" -> new AgingBenchmark(run.kind(), size.get("installments"),
                        size.get("agingCustomers"), size.get("noiseInstallments"), size.get("noiseCustomers"),
                        size.get("agingTimeLimit"), profiling).run();
                case "dunning" -> List.of(new DunningRunBenchmark(run.kind(), size.get("dunningCustomers"),
                        size.get("dunningInstallments"), profiling).run());
                case "start" -> new HostStartBenchmark(hostJars, size.get("starts"), size.get("loadRounds")).run();
                case "hotdeploy" -> new HotDeployBenchmark(hostJars, size.get("deploys")).run();
                default -> List.of(new StatementImportBenchmark(run.kind(), size.get("entries"),
                        size.get("openInvoices")).run());
                case "payments" -> new PaymentsLoadBenchmark(size.get("paymentSeconds"), size.get("paymentWarmUp"),
                        size.get("paymentRate"), size.get("paymentInvoices"), size.get("paymentCustomers"), profiling).run();
            });
            System.out.printf("  (system load average now %.2f)%n", loadAverage());
        }
        printTable(measurements);
        System.out.printf("%nwhole run %.0f s%s%n", BillingRunBenchmark.seconds(System.nanoTime() - started),
                profiling ? " (profiled: sampling slows ours down; do not record these figures)" : "");
        if (measurements.stream().anyMatch(measurement -> !measurement.verified())) {
            System.exit(1);
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void printTable(List<Measurement> measurements) {
        System.out.println();
        System.out.println("| workload | database | ours (s) | baseline (s) | ratio | check |");
        System.out.println("| --- | --- | ---: | ---: | ---: | --- |");
        for (Measurement measurement : measurements) {
            System.out.printf("| %s | %s | %s | %.3f | %s | %s |%n", measurement.workload(), measurement.database(),
                    measurement.oursCell(), measurement.baselineSeconds(), measurement.ratioCell(), measurement.check());
        }
    }

    private static void describeMachine(List<Run> plan, boolean profiling) {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("processors %d, max heap %d MiB, %s %s (%s), JVM arguments %s, system load average %.2f%n",
                runtime.availableProcessors(), runtime.maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), System.getProperty("java.vendor"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), loadAverage());
        System.out.println("H2 " + org.h2.engine.Constants.FULL_VERSION);
        if (plan.stream().anyMatch(run -> run.kind() == DatabaseKind.POSTGRES) && DatabaseKind.POSTGRES.reachable()) {
            try (Connection connection = java.sql.DriverManager.getConnection(TestDatabases.POSTGRES_URL,
                    TestDatabases.POSTGRES_USER, ""); Statement statement = connection.createStatement();
                    ResultSet version = statement.executeQuery("select version()")) {
                version.next();
                System.out.println(version.getString(1) + " at " + TestDatabases.POSTGRES_URL);
            } catch (java.sql.SQLException e) {
                System.out.println("PostgreSQL version unknown: " + e.getMessage());
            }
        }
        for (Run run : plan) {
            System.out.println("plan: " + run.workload() + " on " + run.kind().label + " " + run.relevantSizes());
        }
        if (profiling) {
            System.out.println("profiling");
        }
    }
}
