package receivables.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.statement.ImportStatus;
import receivables.api.statement.StatementFormat;
import receivables.api.statement.StatementImport;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;
import receivables.impl.reconciliation.internal.BackgroundStatementImports;
import receivables.impl.reconciliation.internal.ImportNode;
import receivables.payments.bank.internal.CamtStatementReader;

/**
 * Workload (c): the import of a generated camt.053 (see {@link StatementFile}) against a tenant's open invoices.
 * Ours is {@link BackgroundStatementImports} with the real camt.053 reader, timed from {@code start} until
 * {@code find} reports it COMPLETED; the baseline is {@link JdbcStatementImport} storing the same file's credit
 * lines in a fresh database of the same kind. Also reports the peak heap in use during ours (see
 * {@link HeapWatch}).
 */
final class StatementImportBenchmark {

    static final TenantId TENANT = new TenantId("bench");
    /** Warms up the JIT (ours and the baseline alike) in a tenant of its own, so it never mixes with the figures. */
    static final TenantId WARM_UP = new TenantId("warmup");
    static final int WARM_UP_ENTRIES = 2_000;
    static final int WARM_UP_INVOICES = 200;
    static final int CUSTOMERS = 50;
    /** How often the client asks for progress; the import's time is known to within this. */
    private static final long POLL_MILLIS = 20;

    private final DatabaseKind kind;
    private final int entries;
    private final int openInvoices;

    StatementImportBenchmark(DatabaseKind kind, int entries, int openInvoices) {
        this.kind = kind;
        this.entries = entries;
        this.openInvoices = openInvoices;
    }

    Measurement run() throws Exception {
        String workload = String.format("statement import, %,d entries", entries);
        System.out.printf("%n== %s on %s (%,d open invoices of %d customers, %,d warm-up entries)%n", workload,
                kind.label, openInvoices, CUSTOMERS, WARM_UP_ENTRIES);
        StatementFormat camt053 = new CamtStatementReader.Camt053();
        Path folder = Files.createTempDirectory("receivables-bench-statements-");
        try (FreshDatabase oursStore = kind.create("statements_ours", 0);
                FreshDatabase baselineStore = kind.create("statements_jdbc", 0)) {
            System.out.println("  ours on " + oursStore.describe() + ", baseline on " + baselineStore.describe());
            HibernateDatabase database = oursStore.startOurs();
            StatementFile file;
            StatementFile warmUp;
            StatementImport ours;
            double oursSeconds;
            HeapWatch watched;
            long oursLines;
            try {
                LedgerFixture ledger = LedgerFixture.on(database);
                long created = System.nanoTime();
                try (Connection connection = oursStore.connect()) {
                    invoice(ledger, connection, TENANT, openInvoices);
                    invoice(ledger, connection, WARM_UP, WARM_UP_INVOICES);
                    analyze(connection, "customer_account", "invoice", "installment");
                    file = StatementFile.write(folder.resolve("camt053-" + entries + ".xml"), entries,
                            invoiceNumbers(connection, TENANT));
                    warmUp = StatementFile.write(folder.resolve("camt053-warmup.xml"), WARM_UP_ENTRIES,
                            invoiceNumbers(connection, WARM_UP));
                }
                System.out.printf("  %,d open invoices issued (%s) and a file of %,d MiB written in %.1f s"
                        + " (not timed)%n", openInvoices + WARM_UP_INVOICES, kind == DatabaseKind.POSTGRES
                                ? "one a tenant through StoredInvoices, the others copies of it by SQL on the server"
                                : "through StoredInvoices", Files.size(file.path()) >> 20,
                        BillingRunBenchmark.seconds(System.nanoTime() - created));

                try (ImportNode node = ImportNode.start(database, ledger.payments(), List.of(camt053))) {
                    BackgroundStatementImports imports = node.imports();
                    requireCounts(untilDone(imports, WARM_UP, warmUp), warmUp);
                    try (Connection connection = oursStore.connect()) {
                        analyze(connection, "payment", "allocation", "bank_statement_line", "suspense_item");
                    }
                    try (HeapWatch heap = new HeapWatch()) {
                        long started = System.nanoTime();
                        ours = untilDone(imports, TENANT, file);
                        oursSeconds = BillingRunBenchmark.seconds(System.nanoTime() - started);
                        watched = heap;
                    }
                }
                try (Connection connection = oursStore.connect()) {
                    oursLines = lines(connection, TENANT);
                }
            } finally {
                TestDatabases.stop(database);
            }

            baselineStore.migrate();
            double baselineSeconds;
            long baselineLines;
            try (Connection connection = baselineStore.connect()) {
                JdbcStatementImport.importFile(connection, WARM_UP.value(), warmUp, camt053);
                long started = System.nanoTime();
                JdbcStatementImport.importFile(connection, TENANT.value(), file, camt053);
                baselineSeconds = BillingRunBenchmark.seconds(System.nanoTime() - started);
                baselineLines = lines(connection, TENANT);
            }

            long peakHeap = watched.peak();
            long maxHeap = Runtime.getRuntime().maxMemory();
            boolean agree = countsAsExpected(ours, file) && oursLines == file.credits() && baselineLines == file.credits();
            System.out.printf("  ours: %s, %,d read, %,d matched, %,d suspended, %,d skipped, %,d lines stored;"
                    + " baseline: %,d lines stored; expected %,d matched, %,d suspended, %,d skipped%n", ours.status(),
                    ours.linesRead(), ours.matched(), ours.suspended(), ours.skipped(), oursLines, baselineLines,
                    file.matched(), file.suspended(), file.skipped());
            System.out.printf("  ours %.2f s (%.0f entries/s), baseline %.2f s, ratio %.2f; peak heap of ours %d MiB"
                    + " of max %d MiB; counts %s%n", oursSeconds, entries / oursSeconds, baselineSeconds,
                    oursSeconds / baselineSeconds, peakHeap >> 20, maxHeap >> 20, agree ? "agree" : "DIFFER");
            System.out.printf("  peaks of the heap pools during ours, MiB: %s%n", watched.poolPeaks());
            return new Measurement(workload, kind.label, oursSeconds, baselineSeconds, agree
                    ? String.format("%,d matched, %,d suspended, %,d skipped; peak heap %d of %d MiB", ours.matched(),
                            ours.suspended(), ours.skipped(), peakHeap >> 20, maxHeap >> 20)
                    : "COUNTS DIFFER");
        } finally {
            try (var files = Files.list(folder)) {
                for (Path path : files.toList()) {
                    Files.delete(path);
                }
            }
            Files.delete(folder);
        }
    }

    /** Starts the import of {@code file} and polls, as a client would, until it is no longer running. */
    private static StatementImport untilDone(BackgroundStatementImports imports, TenantId tenant, StatementFile file)
            throws IOException, InterruptedException {
        StatementImport running;
        try (InputStream in = Files.newInputStream(file.path())) {
            running = imports.start(tenant, in);
        }
        StatementImport done = running;
        while (done.status() == ImportStatus.RUNNING) {
            Thread.sleep(POLL_MILLIS);
            done = imports.find(tenant, running.id()).orElseThrow();
        }
        return done;
    }

    private static boolean countsAsExpected(StatementImport done, StatementFile file) {
        return done.status() == ImportStatus.COMPLETED && done.linesRead() == file.entries()
                && done.matched() == file.matched() && done.suspended() == file.suspended()
                && done.skipped() == file.skipped() && done.duplicates() == 0;
    }

    private static void requireCounts(StatementImport done, StatementFile file) {
        if (!countsAsExpected(done, file)) {
            throw new IllegalStateException("statement import " + done + " does not match " + file);
        }
    }

    /**
     * {@code count} issued invoices of 100,000.00 each, so that no payment of 1.00 ever closes one. On PostgreSQL one
     * is issued through {@code StoredInvoices} and the others are copies of it and of its installment, written by SQL
     * on the server (as the dunning benchmark writes its ledger), each with a number, order and customer of its own: a
     * million issued through the service would take hours. Their journal entries are not copied; the import does not
     * read them.
     */
    private void invoice(LedgerFixture ledger, Connection connection, TenantId tenant, int count) throws SQLException {
        List<UUID> accounts = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            accounts.add(ledger.customers().create(tenant, CustomerRequest.of(null, "Customer " + c, null, null, "EUR"))
                    .id());
        }
        List<SalesOrder> orders = new ArrayList<>();
        int issued = kind == DatabaseKind.POSTGRES ? Math.min(1, count) : count;
        for (int i = 0; i < issued; i++) {
            orders.add(new SalesOrder("SO-" + i, accounts.get(i % accounts.size()), "EUR", StatementFile.DAY, null,
                    List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100000.00"), null, null))));
        }
        for (int from = 0; from < orders.size(); from += 200) {
            ledger.invoices().invoiceAndIssue(tenant, orders.subList(from, Math.min(orders.size(), from + 200)),
                    StatementFile.DAY);
        }
        if (count > issued) {
            copy(connection, tenant, "invoice", count - issued, Map.of("id", "md5(:tenant || 'v' || g)::uuid",
                    "invoice_number", "'B-' || lpad(g::text, 7, '0')", "number_key", "'B' || lpad(g::text, 7, '0')",
                    "order_id", "'SO-COPY-' || g", "customer_id", "c.id"));
            copy(connection, tenant, "installment", count - issued, Map.of("id", "md5(:tenant || 'i' || g)::uuid",
                    "invoice_id", "md5(:tenant || 'v' || g)::uuid", "customer_id", "c.id"));
        }
    }

    /**
     * Writes {@code copies} copies of the tenant's one row of {@code table}, copy {@code g} of customer {@code g} modulo
     * the customers, with the {@code replaced} columns computed from {@code g} and the customer {@code c}.
     */
    private static void copy(Connection connection, TenantId tenant, String table, int copies,
            Map<String, String> replaced) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            try (ResultSet rows = Jdbc.bind(query, table).executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        String quoted = "'" + tenant.value() + "'";
        String selected = columns.stream().map(column -> replaced.getOrDefault(column, "t." + column)
                .replace(":tenant", quoted)).collect(Collectors.joining(", "));
        try (Statement insert = connection.createStatement()) {
            insert.execute("insert into " + table + " (" + String.join(", ", columns) + ") select " + selected + " from "
                    + table + " t cross join generate_series(1, " + copies + ") g join (select id, row_number() over"
                    + " (order by id) - 1 as k from customer_account where tenant_id = " + quoted + ") c on c.k = g % "
                    + CUSTOMERS + " where t.tenant_id = " + quoted);
        }
    }

    /**
     * Planner statistics on tables just filled, as autovacuum would gather them; the PostgreSQL server runs without
     * it (see Machine in BENCHMARKS.md). Without statistics on the tables the warm-up filled, PostgreSQL looked each
     * payment and its allocations up by a sequential scan, or by an index on the tenant alone, once per payment
     * recorded: the import slowed down with every payment.
     */
    private void analyze(Connection connection, String... tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute((kind == DatabaseKind.POSTGRES ? "analyze " : "analyze table ") + table);
            }
        }
    }

    private static List<String> invoiceNumbers(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select invoice_number from invoice where tenant_id = ? order by invoice_number")) {
            query.setString(1, tenant.value());
            List<String> numbers = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getString(1));
                }
            }
            return numbers;
        }
    }

    private static long lines(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select count(*) from bank_statement_line where tenant_id = ?")) {
            query.setString(1, tenant.value());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
