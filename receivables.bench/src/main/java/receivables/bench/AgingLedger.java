package receivables.bench;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The open items the aging benchmark reports on, written straight into the tables the report reads:
 * customer accounts, installments and allocations. Not timed. PostgreSQL gets them by COPY, H2 by batched
 * inserts; both then gather planner statistics, as a DBA would after a bulk load.
 *
 * <p>Invoices and payments themselves are not generated: the report never reads them, because installment
 * and allocation carry copies of what it needs (customer, currency, issue and value dates).
 */
final class AgingLedger {

    /** Issue dates from 1 January 2025 over 18 months, so that some are after any as-of day in 2026. */
    static final LocalDate FIRST_ISSUE_DATE = LocalDate.of(2025, 1, 1);
    static final int ISSUE_DAYS = 546;
    /** Share of installments partly paid, by one or two allocations with value dates on either side of the as-of day. */
    static final double PARTLY_PAID = 0.20;
    private static final int[] TERMS_DAYS = { 0, 14, 30, 30, 30, 60 };

    private static final Table CUSTOMERS = new Table("customer_account",
            "tenant_id", "id", "customer_number", "name", "currency", "version", "created_at", "updated_at");
    private static final Table INSTALLMENTS = new Table("installment", "tenant_id", "id", "invoice_id", "sequence_number",
            "customer_id", "currency", "issue_date", "due_date", "amount", "open_amount", "version");
    private static final Table ALLOCATIONS = new Table("allocation", "tenant_id", "id", "payment_id", "invoice_id",
            "installment_id", "amount", "value_date", "allocated_at");

    private record Table(String name, String... columns) {
    }

    /** How many rows of each table one tenant got. */
    record Loaded(String tenant, int customers, int installments, int allocations) {
    }

    private AgingLedger() {
    }

    /** Writes {@code installments} open installments of {@code customers} customers of {@code tenant}. */
    static Loaded load(Connection connection, DatabaseKind kind, String tenant, int customers, int installments, long seed)
            throws SQLException, IOException {
        try (Sink sink = kind == DatabaseKind.POSTGRES ? new CopySink(connection) : new BatchSink(connection)) {
            return generate(sink, tenant, customers, installments, seed);
        }
    }

    /** Planner statistics after the bulk load; VACUUM also sets the visibility map and hint bits on PostgreSQL. */
    static void analyze(Connection connection, DatabaseKind kind) throws SQLException {
        if (kind != DatabaseKind.POSTGRES) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze");
            }
            return;
        }
        Jdbc.vacuumAnalyze(connection, CUSTOMERS.name(), INSTALLMENTS.name(), ALLOCATIONS.name());
    }

    private static Loaded generate(Sink sink, String tenant, int customerCount, int installmentCount, long seed)
            throws SQLException, IOException {
        Random random = new Random(seed);
        OffsetDateTime created = OffsetDateTime.of(2024, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        List<UUID> customers = new ArrayList<>(customerCount);
        List<String> currencies = new ArrayList<>(customerCount);
        for (int c = 1; c <= customerCount; c++) {
            UUID id = uuid(random);
            double draw = random.nextDouble();
            String currency = draw < 0.80 ? "EUR" : draw < 0.92 ? "USD" : "GBP";
            customers.add(id);
            currencies.add(currency);
            sink.row(CUSTOMERS, tenant, id, String.format("%s-%06d", tenant.toUpperCase(), c),
                    String.format("%s customer %06d", NAMES[random.nextInt(NAMES.length)], c), currency, 0L, created, created);
        }
        int installments = 0;
        int allocations = 0;
        while (installments < installmentCount) {
            int customer = random.nextInt(customerCount);
            UUID invoiceId = uuid(random);
            LocalDate issueDate = FIRST_ISSUE_DATE.plusDays(random.nextInt(ISSUE_DAYS));
            int terms = TERMS_DAYS[random.nextInt(TERMS_DAYS.length)];
            // Seven in ten invoices fall due at once, the others in two or three monthly installments.
            int parts = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
            for (int sequence = 1; sequence <= parts && installments < installmentCount; sequence++) {
                UUID installmentId = uuid(random);
                BigDecimal amount = BigDecimal.valueOf(1_000 + random.nextInt(499_001), 2);
                BigDecimal paid = BigDecimal.ZERO;
                if (random.nextDouble() < PARTLY_PAID) {
                    int payments = 1 + random.nextInt(2);
                    for (int p = 0; p < payments; p++) {
                        // Each payment covers 5 to 45 % of the amount: partly paid, never settled.
                        BigDecimal part = amount.multiply(BigDecimal.valueOf(5 + random.nextInt(41))).movePointLeft(2)
                                .setScale(2, java.math.RoundingMode.DOWN);
                        LocalDate valueDate = issueDate.plusDays(random.nextInt(150));
                        sink.row(ALLOCATIONS, tenant, uuid(random), uuid(random), invoiceId, installmentId, part, valueDate,
                                valueDate.atTime(12, 0).atOffset(ZoneOffset.UTC));
                        paid = paid.add(part);
                        allocations++;
                    }
                }
                sink.row(INSTALLMENTS, tenant, installmentId, invoiceId, sequence, customers.get(customer),
                        currencies.get(customer), issueDate, issueDate.plusDays(terms + 30L * (sequence - 1)), amount,
                        amount.subtract(paid), 0L);
                installments++;
            }
        }
        return new Loaded(tenant, customerCount, installments, allocations);
    }

    private static final String[] NAMES = { "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell",
            "Cyberdyne", "Soylent", "Vandelay", "Wonka", "Nakatomi", "Oceanic", "Dunder", "Pied Piper" };

    /** A version-4 UUID from the seeded generator, so that every run writes the same ledger. */
    private static UUID uuid(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private interface Sink extends AutoCloseable {

        void row(Table table, Object... values) throws SQLException, IOException;

        @Override
        void close() throws SQLException, IOException;
    }

    /** COPY ... FROM STDIN in text format, a few megabytes per round trip. */
    private static final class CopySink implements Sink {

        private static final int FLUSH_CHARS = 8 << 20;

        private final CopyManager copy;
        private final Map<Table, StringBuilder> pending = new LinkedHashMap<>();

        CopySink(Connection connection) throws SQLException {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        }

        @Override
        public void row(Table table, Object... values) throws SQLException, IOException {
            StringBuilder text = pending.computeIfAbsent(table, t -> new StringBuilder(FLUSH_CHARS + 4096));
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                // No value here contains a tab, newline or backslash, so text format needs no escaping.
                text.append(values[i] instanceof BigDecimal amount ? amount.toPlainString() : String.valueOf(values[i]));
            }
            text.append('\n');
            if (text.length() >= FLUSH_CHARS) {
                flush(table, text);
            }
        }

        private void flush(Table table, StringBuilder text) throws SQLException, IOException {
            copy.copyIn("copy " + table.name() + " (" + String.join(", ", table.columns()) + ") from stdin",
                    new StringReader(text.toString()));
            text.setLength(0);
        }

        @Override
        public void close() throws SQLException, IOException {
            for (Map.Entry<Table, StringBuilder> entry : pending.entrySet()) {
                flush(entry.getKey(), entry.getValue());
            }
        }
    }

    /** PreparedStatement batches of 1,000 rows, a commit every 5,000: H2 commits big transactions slowly. */
    private static final class BatchSink implements Sink {

        private static final int BATCH = 1_000;
        private static final int COMMIT = 5_000;

        private final Connection connection;
        private final boolean autoCommit;
        private final Map<Table, PreparedStatement> statements = new LinkedHashMap<>();
        private final Map<Table, Integer> batched = new LinkedHashMap<>();
        private int uncommitted;

        BatchSink(Connection connection) throws SQLException {
            this.connection = connection;
            this.autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        }

        @Override
        public void row(Table table, Object... values) throws SQLException {
            PreparedStatement statement = statements.get(table);
            if (statement == null) {
                statement = connection.prepareStatement("insert into " + table.name() + " (" + String.join(", ", table.columns())
                        + ") values (" + "?, ".repeat(table.columns().length - 1) + "?)");
                statements.put(table, statement);
            }
            Jdbc.addBatch(statement, values);
            if (batched.merge(table, 1, Integer::sum) >= BATCH) {
                statement.executeBatch();
                batched.put(table, 0);
            }
            if (++uncommitted >= COMMIT) {
                executeAll();
                connection.commit();
                uncommitted = 0;
            }
        }

        private void executeAll() throws SQLException {
            for (Map.Entry<Table, PreparedStatement> entry : statements.entrySet()) {
                entry.getValue().executeBatch();
                batched.put(entry.getKey(), 0);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                executeAll();
                connection.commit();
            } finally {
                for (PreparedStatement statement : statements.values()) {
                    statement.close();
                }
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
