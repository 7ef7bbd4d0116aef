package receivables.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import receivables.api.TenantId;
import receivables.api.collections.DunningLevel;
import receivables.api.collections.DunningPolicyRequest;
import receivables.api.collections.DunningRun;
import receivables.api.collections.DunningRunStatus;
import receivables.impl.background.internal.Leases;
import receivables.impl.collections.internal.DunningFixture;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;

/**
 * Issue 12 §6: the dunning run of one tenant over {@code customers} customers with {@code installments} open
 * installments, on PostgreSQL. Ours is {@code DunningRuns.run} for the day (one notice per customer at the highest
 * level its items reached, every item on it, each customer's part committed on its own); the baseline is
 * {@link JdbcDunning}, one hand-written query that selects the same customers with the same levels and items. Both
 * run once, on the same rows; the check compares each customer's notice, level and number of items.
 *
 * <p>The data, written by SQL straight into the tables (not timed): one open installment per issued invoice, due
 * from 140 days before the run's day to 58 days after it, 9.90 to 499.90 each; every tenth customer has nothing due
 * yet, every seventh owes a few cents a time and stays below the policy's minimum. The policy: dunning levels at 7,
 * 21 and 35 days, a minimum overdue of 50, no fees or interest, by e-mail. No notice channel is installed, so each
 * notice is recorded unreachable as soon as its customer's part commits: the run's selection and bookkeeping are
 * measured, not notice texts, PDFs or SMTP.
 */
final class DunningRunBenchmark {

    static final TenantId TENANT = new TenantId("bench");
    static final LocalDate DAY = LocalDate.of(2026, 3, 31);
    static final BigDecimal MINIMUM = new BigDecimal("50");

    private final DatabaseKind kind;
    private final int customers;
    private final int installments;
    private final boolean profiling;

    DunningRunBenchmark(DatabaseKind kind, int customers, int installments, boolean profiling) {
        this.kind = kind;
        this.customers = customers;
        this.installments = installments;
        this.profiling = profiling;
    }

    Measurement run() throws Exception {
        String workload = String.format("dunning run, %,d customers, %,d installments", customers, installments);
        System.out.printf("%n== %s on %s%n", workload, kind.label);
        if (kind != DatabaseKind.POSTGRES) {
            throw new IllegalArgumentException("the dunning run is measured on PostgreSQL only");
        }
        try (FreshDatabase store = kind.create("dunning", 0)) {
            System.out.println("  on " + store.describe());
            HibernateDatabase database = store.startOurs();
            Leases leases = new Leases(database, "bench", Duration.ofSeconds(60), Duration.ofSeconds(10));
            leases.startHeartbeat();
            try (Connection connection = store.connect()) {
                Clock clock = Clock.fixed(DAY.atTime(8, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
                DunningFixture dunning = DunningFixture.on(LedgerFixture.on(database), leases, clock);
                dunning.policies().define(TENANT, "STD", new DunningPolicyRequest("Standard", List.of(
                        new DunningLevel(7, BigDecimal.ZERO, false, null), new DunningLevel(21, BigDecimal.ZERO, false, null),
                        new DunningLevel(35, BigDecimal.ZERO, false, null)), 7, MINIMUM, BigDecimal.ZERO, null, "en",
                        "email", null, true));
                long loading = System.nanoTime();
                load(connection);
                System.out.printf("  loaded in %.1f s (not timed)%n", BillingRunBenchmark.seconds(System.nanoTime() - loading));

                long started = System.nanoTime();
                Map<UUID, JdbcDunning.Notice> baseline = JdbcDunning.select(connection, TENANT.value(), DAY, MINIMUM);
                double baselineSeconds = BillingRunBenchmark.seconds(System.nanoTime() - started);
                System.out.printf("  baseline %.3f s: %,d notices%n", baselineSeconds, baseline.size());

                Thread self = Thread.currentThread();
                StackSampler sampler = StackSampler.startIf(profiling, thread -> thread == self);
                DunningRun run;
                HeapWatch heap = new HeapWatch();
                try (heap) {
                    started = System.nanoTime();
                    run = dunning.runs().run(TENANT, DAY);
                }
                double oursSeconds = BillingRunBenchmark.seconds(System.nanoTime() - started);
                long peak = heap.peak();
                if (sampler != null) {
                    sampler.close();
                    System.out.print(sampler.report("our dunning run (main thread)", 20));
                }
                System.out.printf("  ours %.3f s: run %s with %,d notices; heap peak %d MiB of %d MiB%n", oursSeconds,
                        run.status(), run.notices(), peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
                System.out.printf("  peaks of the heap pools during ours, MiB: %s%n", heap.poolPeaks());

                Map<UUID, JdbcDunning.Notice> ours = written(connection);
                // Both must have found the same notices, and some: a ratio of two runs that did different work says nothing.
                boolean agree = run.status() == DunningRunStatus.COMPLETED && !baseline.isEmpty() && ours.equals(baseline);
                if (!agree) {
                    long differing = baseline.entrySet().stream().filter(e -> !e.getValue().equals(ours.get(e.getKey())))
                            .count() + ours.keySet().stream().filter(id -> !baseline.containsKey(id)).count();
                    System.out.printf("  notices DIFFER for %,d customers%n", differing);
                }
                System.out.printf("  ours %.3f s, baseline %.3f s, %s%n", oursSeconds, baselineSeconds, agree
                        ? String.format("ratio %.1f; notices agree", oursSeconds / baselineSeconds) : "no ratio: notices DIFFER");
                return new Measurement(workload, kind.label, oursSeconds, baselineSeconds, agree
                        ? String.format("same %,d notices, levels and items; heap peak %d MiB", baseline.size(), peak >> 20)
                        : "NOTICES DIFFER");
            } finally {
                leases.deactivate();
                TestDatabases.stop(database);
            }
        }
    }

    /** Customers, issued invoices and their installments, by SQL on the server, then planner statistics. */
    private void load(Connection connection) throws SQLException {
        String tenant = "'" + TENANT.value() + "'";
        String day = "date '" + DAY + "'";
        try (Statement statement = connection.createStatement()) {
            statement.execute("insert into customer_account (tenant_id, id, customer_number, name, currency, version,"
                    + " created_at, updated_at, credit_hold) select " + tenant + ", md5('c' || g)::uuid,"
                    + " 'C-' || lpad(g::text, 6, '0'), 'Customer ' || g, 'EUR', 0, now(), now(), false"
                    + " from generate_series(1, " + customers + ") g");
            // Invoice g belongs to customer 1 + g % customers; its due date and amount are spread by multiplying with primes
            // (in bigint: a million times a prime is no integer), the due dates modulo a prime, so that a customer's
            // invoices fall due on different days whatever the number of customers.
            String invoices = "select g, 1 + g % " + customers + " as c,"
                    + " case when (1 + g % " + customers + ") % 10 = 0 then " + day + " + 1 + g % 60"
                    + " else " + day + " - 140 + (g::bigint * 7919 % 199)::int end as due,"
                    + " case when (1 + g % " + customers + ") % 7 = 0 then (1 + g % 5) / 100.0"
                    + " else (990 + g::bigint * 104729 % 49001) / 100.0 end as amount"
                    + " from generate_series(1, " + installments + ") g";
            statement.execute("insert into invoice (tenant_id, id, invoice_number, order_id, customer_id, currency, status,"
                    + " terms_code, order_date, issue_date, due_date, net_amount, tax_amount, gross_amount, open_amount, version,"
                    + " created_at, updated_at) select " + tenant + ", md5('v' || g)::uuid, 'INV-' || lpad(g::text, 7, '0'),"
                    + " 'O-' || g, md5('c' || c)::uuid, 'EUR', 'ISSUED', 'NET30', due - 30, due - 30, due, amount, 0, amount,"
                    + " amount, 0, now(), now() from (" + invoices + ") x");
            statement.execute("insert into installment (tenant_id, id, invoice_id, sequence_number, customer_id, currency,"
                    + " issue_date, due_date, amount, open_amount, version) select " + tenant + ", md5('i' || g)::uuid,"
                    + " md5('v' || g)::uuid, 1, md5('c' || c)::uuid, 'EUR', due - 30, due, amount, amount, 0"
                    + " from (" + invoices + ") x");
        }
        Jdbc.vacuumAnalyze(connection, "customer_account", "invoice", "installment");
    }

    /** The notices our run wrote, with their level and number of items. */
    private static Map<UUID, JdbcDunning.Notice> written(Connection connection) throws SQLException {
        Map<UUID, JdbcDunning.Notice> notices = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select n.customer_id, n.notice_level,"
                + " count(i.id) items from dunning_notice n left join dunning_notice_item i on i.tenant_id = n.tenant_id"
                + " and i.notice_id = n.id where n.tenant_id = ? and n.run_date = ? group by n.customer_id, n.notice_level");
                ResultSet rows = Jdbc.bind(statement, TENANT.value(), DAY).executeQuery()) {
            while (rows.next()) {
                notices.put(rows.getObject(1, UUID.class), new JdbcDunning.Notice(rows.getInt(2), rows.getInt(3)));
            }
        }
        return notices;
    }
}
