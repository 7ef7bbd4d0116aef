package receivables.bench;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * The ledgers the report benchmarks read, written straight into the tables: customer accounts, installments and
 * allocations, and for the reports by dimension also invoices (salesperson, rate of issue) and their lines
 * (product). Not timed. PostgreSQL gets them by COPY, H2 by batched inserts; both then gather planner statistics,
 * as a DBA would after a bulk load (or not, for the runs on tables never analyzed).
 *
 * <p>Payments themselves are not generated: no report reads them, because allocation carries what they need
 * (value date, payment id).
 */
final class AgingLedger {

    /** Issue dates from 1 January 2025 over 18 months, so that some are after any as-of day in 2026. */
    static final LocalDate FIRST_ISSUE_DATE = LocalDate.of(2025, 1, 1);
    static final int ISSUE_DAYS = 546;
    /** Share of installments partly paid, by one or two allocations with value dates on either side of the as-of day. */
    static final double PARTLY_PAID = 0.20;
    /** The rates of issue into the functional currency (EUR) of the invoices in other currencies. */
    static final Map<String, BigDecimal> RATES = Map.of("USD", new BigDecimal("0.9000000000"), "GBP",
            new BigDecimal("1.1500000000"));
    private static final int[] TERMS_DAYS = { 0, 14, 30, 30, 30, 60 };
    private static final String[] SEGMENTS = { "RETAIL", "WHOLESALE", "PUBLIC", "ONLINE", "EXPORT" };
    private static final String[] COUNTRIES = { "DE", "FR", "IT", "ES", "NL", "BE", "AT", "PL", "GB", "US", "CH", "SE" };
    private static final int SALESPEOPLE = 40;
    private static final int PRODUCTS = 500;

    private static final Table CUSTOMERS = new Table("customer_account",
            "tenant_id", "id", "customer_number", "name", "currency", "version", "created_at", "updated_at");
    private static final Table CUSTOMERS_WITH_DIMENSIONS = new Table("customer_account",
            "tenant_id", "id", "customer_number", "name", "currency", "version", "created_at", "updated_at",
            "salesperson", "segment", "country");
    private static final Table INVOICES = new Table("invoice", "tenant_id", "id", "invoice_number", "order_id",
            "customer_id", "currency", "status", "terms_code", "order_date", "issue_date", "due_date", "net_amount",
            "tax_amount", "gross_amount", "open_amount", "version", "created_at", "updated_at", "salesperson", "fx_rate");
    private static final Table LINES = new Table("invoice_line", "tenant_id", "id", "invoice_id", "line_number", "product",
            "quantity", "unit_price", "discount_percent", "tax_rate", "net_amount", "tax_amount");
    private static final Table INSTALLMENTS = new Table("installment", "tenant_id", "id", "invoice_id", "sequence_number",
            "customer_id", "currency", "issue_date", "due_date", "amount", "open_amount", "version");
    private static final Table ALLOCATIONS = new Table("allocation", "tenant_id", "id", "payment_id", "invoice_id",
            "installment_id", "amount", "value_date", "allocated_at", "customer_id", "currency", "issue_date", "due_date");

    private record Table(String name, String... columns) {
    }

    /** How many rows of each table one tenant got. */
    record Loaded(String tenant, int customers, int invoices, int lines, int installments, int allocations) {
    }

    private AgingLedger() {
    }

    /** Writes {@code installments} open installments of {@code customers} customers of {@code tenant}. */
    static Loaded load(Connection connection, DatabaseKind kind, String tenant, int customers, int installments, long seed)
            throws SQLException, IOException {
        try (Sink sink = sink(connection, kind)) {
            return new Generator(sink, tenant, seed, false, false).openItems(customers, installments);
        }
    }

    /**
     * The same open items as {@link #load} (the same seed gives the same installments and allocations), with each
     * customer's salesperson, segment and country, and the invoices with their salesperson, rate of issue and lines.
     */
    static Loaded loadWithDimensions(Connection connection, DatabaseKind kind, String tenant, int customers,
            int installments, long seed) throws SQLException, IOException {
        return withoutSecondaryIndexes(connection, kind, () -> {
            try (Sink sink = sink(connection, kind)) {
                return new Generator(sink, tenant, seed, true, true).openItems(customers, installments);
            }
        });
    }

    /**
     * A payment history for the DSO: invoices issued every day of the {@code months} months up to {@code lastIssue}
     * (and of three months before, so that the first month end has receivables of its own age), each installment paid
     * by one to four payments from its issue date to 60 days past due, until {@code payments} allocations are written;
     * one installment in ten keeps its last part unpaid. Payments after {@code lastIssue} are written too: the ledger
     * as it stands later, which the KPIs as of {@code lastIssue} must leave out.
     */
    static Loaded loadHistory(Connection connection, DatabaseKind kind, String tenant, int customers, int payments,
            LocalDate lastIssue, int months, long seed) throws SQLException, IOException {
        return withoutSecondaryIndexes(connection, kind, () -> {
            try (Sink sink = sink(connection, kind)) {
                return new Generator(sink, tenant, seed, true, false).history(customers, payments, lastIssue, months);
            }
        });
    }

    private interface Load {
        Loaded run() throws SQLException, IOException;
    }

    /**
     * Runs {@code load} on PostgreSQL with the tables' secondary indexes dropped, and creates them again afterwards as
     * the migrations defined them (their definitions read from {@code pg_indexes}): building an index once over
     * millions of rows takes a fraction of updating it row by row, which made loading 5,000,000 allocations take half
     * an hour on the busy 2-core machine. Primary keys stay.
     */
    private static Loaded withoutSecondaryIndexes(Connection connection, DatabaseKind kind, Load load)
            throws SQLException, IOException {
        if (kind != DatabaseKind.POSTGRES) {
            return load.run();
        }
        List<String[]> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("select indexname, indexdef from pg_indexes"
                        + " where schemaname = current_schema() and tablename in ('customer_account', 'invoice',"
                        + " 'invoice_line', 'installment', 'allocation') and indexname not like '%\\_pk'")) {
            while (rows.next()) {
                indexes.add(new String[] { rows.getString(1), rows.getString(2) });
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String[] index : indexes) {
                statement.execute("drop index " + index[0]);
            }
        }
        Loaded loaded = load.run();
        try (Statement statement = connection.createStatement()) {
            for (String[] index : indexes) {
                statement.execute(index[1]);
            }
        }
        return loaded;
    }

    private static Sink sink(Connection connection, DatabaseKind kind) throws SQLException {
        return kind == DatabaseKind.POSTGRES ? new CopySink(connection) : new BatchSink(connection);
    }

    /** Planner statistics after the bulk load; VACUUM also sets the visibility map and hint bits on PostgreSQL. */
    static void analyze(Connection connection, DatabaseKind kind) throws SQLException {
        if (kind != DatabaseKind.POSTGRES) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze");
            }
            return;
        }
        Jdbc.vacuumAnalyze(connection, CUSTOMERS.name(), INVOICES.name(), LINES.name(), INSTALLMENTS.name(),
                ALLOCATIONS.name());
    }

    /**
     * Writes one tenant's rows. The installments and allocations come from {@code random} as they always did, so that
     * the aging benchmark's ledger stays the one measured before; what the reports by dimension add comes from a
     * second generator.
     */
    private static final class Generator {

        private static final OffsetDateTime CREATED = OffsetDateTime.of(2024, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        private static final BigDecimal GROSS_PER_NET = new BigDecimal("1.19");

        private final Sink sink;
        private final String tenant;
        private final Random random;
        private final Random dimensions;
        private final boolean withDimensions;
        private final boolean withLines;
        private final List<UUID> customers = new ArrayList<>();
        private final List<String> currencies = new ArrayList<>();
        private final List<String> salespeople = new ArrayList<>();
        private int invoices;
        private int lines;
        private int installments;
        private int allocations;

        Generator(Sink sink, String tenant, long seed, boolean withDimensions, boolean withLines) {
            this.sink = sink;
            this.tenant = tenant;
            this.random = new Random(seed);
            this.dimensions = new Random(seed * 31 + 7);
            this.withDimensions = withDimensions;
            this.withLines = withLines;
        }

        Loaded openItems(int customerCount, int installmentCount) throws SQLException, IOException {
            customers(customerCount);
            while (installments < installmentCount) {
                int customer = random.nextInt(customerCount);
                UUID invoiceId = uuid(random);
                LocalDate issueDate = FIRST_ISSUE_DATE.plusDays(random.nextInt(ISSUE_DAYS));
                int terms = TERMS_DAYS[random.nextInt(TERMS_DAYS.length)];
                // Seven in ten invoices fall due at once, the others in two or three monthly installments.
                int parts = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
                BigDecimal gross = BigDecimal.ZERO;
                BigDecimal open = BigDecimal.ZERO;
                for (int sequence = 1; sequence <= parts && installments < installmentCount; sequence++) {
                    UUID installmentId = uuid(random);
                    BigDecimal amount = BigDecimal.valueOf(1_000 + random.nextInt(499_001), 2);
                    LocalDate dueDate = issueDate.plusDays(terms + 30L * (sequence - 1));
                    BigDecimal paid = BigDecimal.ZERO;
                    if (random.nextDouble() < PARTLY_PAID) {
                        int payments = 1 + random.nextInt(2);
                        for (int p = 0; p < payments; p++) {
                            // Each payment covers 5 to 45 % of the amount: partly paid, never settled.
                            BigDecimal part = amount.multiply(BigDecimal.valueOf(5 + random.nextInt(41))).movePointLeft(2)
                                    .setScale(2, RoundingMode.DOWN);
                            allocation(invoiceId, installmentId, customer, issueDate, dueDate, part,
                                    issueDate.plusDays(random.nextInt(150)));
                            paid = paid.add(part);
                        }
                    }
                    installment(installmentId, invoiceId, sequence, customer, issueDate, dueDate, amount,
                            amount.subtract(paid));
                    gross = gross.add(amount);
                    open = open.add(amount.subtract(paid));
                }
                invoice(invoiceId, customer, issueDate, issueDate.plusDays(terms), gross, open);
            }
            return loaded(customerCount);
        }

        Loaded history(int customerCount, int paymentCount, LocalDate lastIssue, int months)
                throws SQLException, IOException {
            customers(customerCount);
            LocalDate firstIssue = lastIssue.minusMonths(months + 3L).plusDays(1);
            int issueDays = (int) java.time.temporal.ChronoUnit.DAYS.between(firstIssue, lastIssue) + 1;
            while (allocations < paymentCount) {
                int customer = random.nextInt(customerCount);
                UUID invoiceId = uuid(random);
                LocalDate issueDate = firstIssue.plusDays(random.nextInt(issueDays));
                int terms = TERMS_DAYS[random.nextInt(TERMS_DAYS.length)];
                int parts = random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(2);
                BigDecimal gross = BigDecimal.ZERO;
                BigDecimal open = BigDecimal.ZERO;
                for (int sequence = 1; sequence <= parts; sequence++) {
                    UUID installmentId = uuid(random);
                    BigDecimal amount = BigDecimal.valueOf(1_000 + random.nextInt(499_001), 2);
                    LocalDate dueDate = issueDate.plusDays(terms + 30L * (sequence - 1));
                    int payments = 1 + random.nextInt(4);
                    boolean lastUnpaid = random.nextInt(10) == 0;
                    BigDecimal left = amount;
                    for (int p = 1; p <= payments && !(lastUnpaid && p == payments); p++) {
                        BigDecimal part = p == payments ? left
                                : amount.divide(BigDecimal.valueOf(payments), 2, RoundingMode.DOWN);
                        allocation(invoiceId, installmentId, customer, issueDate, dueDate, part, issueDate.plusDays(
                                random.nextInt((int) java.time.temporal.ChronoUnit.DAYS.between(issueDate, dueDate) + 61)));
                        left = left.subtract(part);
                    }
                    installment(installmentId, invoiceId, sequence, customer, issueDate, dueDate, amount, left);
                    gross = gross.add(amount);
                    open = open.add(left);
                }
                invoice(invoiceId, customer, issueDate, issueDate.plusDays(terms), gross, open);
            }
            return loaded(customerCount);
        }

        private Loaded loaded(int customerCount) {
            return new Loaded(tenant, customerCount, invoices, lines, installments, allocations);
        }

        private void customers(int customerCount) throws SQLException, IOException {
            for (int c = 1; c <= customerCount; c++) {
                UUID id = uuid(random);
                double draw = random.nextDouble();
                String currency = draw < 0.80 ? "EUR" : draw < 0.92 ? "USD" : "GBP";
                customers.add(id);
                currencies.add(currency);
                String number = String.format("%s-%06d", tenant.toUpperCase(), c);
                String name = String.format("%s customer %06d", NAMES[random.nextInt(NAMES.length)], c);
                if (!withDimensions) {
                    sink.row(CUSTOMERS, tenant, id, number, name, currency, 0L, CREATED, CREATED);
                    continue;
                }
                String salesperson = salesperson(dimensions.nextInt(SALESPEOPLE));
                salespeople.add(salesperson);
                // One customer in ten has no segment, one in twenty no country: their rows come last, keyed null.
                sink.row(CUSTOMERS_WITH_DIMENSIONS, tenant, id, number, name, currency, 0L, CREATED, CREATED, salesperson,
                        dimensions.nextInt(10) == 0 ? null : SEGMENTS[dimensions.nextInt(SEGMENTS.length)],
                        dimensions.nextInt(20) == 0 ? null : COUNTRIES[dimensions.nextInt(COUNTRIES.length)]);
            }
        }

        /** An allocation to an installment of {@code customer}'s, with the keys of the installment it carries. */
        private void allocation(UUID invoiceId, UUID installmentId, int customer, LocalDate issueDate,
                LocalDate dueDate, BigDecimal amount, LocalDate valueDate) throws SQLException, IOException {
            sink.row(ALLOCATIONS, tenant, uuid(random), uuid(random), invoiceId, installmentId, amount, valueDate,
                    valueDate.atTime(12, 0).atOffset(ZoneOffset.UTC), customers.get(customer), currencies.get(customer),
                    issueDate, dueDate);
            allocations++;
        }

        private void installment(UUID id, UUID invoiceId, int sequence, int customer, LocalDate issueDate,
                LocalDate dueDate, BigDecimal amount, BigDecimal open) throws SQLException, IOException {
            sink.row(INSTALLMENTS, tenant, id, invoiceId, sequence, customers.get(customer), currencies.get(customer),
                    issueDate, dueDate, amount, open, 0L);
            installments++;
        }

        /**
         * The invoice of installments with {@code gross} in all, and one to four lines of as many products splitting
         * it (19 % tax): sold by the customer's salesperson, or by another one in one order in ten, or by nobody
         * named in one in thirty.
         */
        private void invoice(UUID id, int customer, LocalDate issueDate, LocalDate dueDate, BigDecimal gross,
                BigDecimal open) throws SQLException, IOException {
            if (!withDimensions) {
                return;
            }
            invoices++;
            String currency = currencies.get(customer);
            int kind = dimensions.nextInt(30);
            String salesperson = kind == 0 ? null : kind < 4 ? salesperson(dimensions.nextInt(SALESPEOPLE))
                    : salespeople.get(customer);
            int lineCount = 1 + dimensions.nextInt(4);
            BigDecimal net = BigDecimal.ZERO;
            BigDecimal left = gross;
            for (int line = 1; line <= lineCount; line++) {
                BigDecimal lineGross = line == lineCount ? left
                        : gross.multiply(BigDecimal.valueOf(10 + dimensions.nextInt(100 / lineCount - 10))).movePointLeft(2)
                                .setScale(2, RoundingMode.DOWN);
                left = left.subtract(lineGross);
                BigDecimal lineNet = lineGross.divide(GROSS_PER_NET, 2, RoundingMode.HALF_UP);
                net = net.add(lineNet);
                if (withLines) {
                    sink.row(LINES, tenant, uuid(dimensions), id, line, String.format("P-%04d", dimensions.nextInt(PRODUCTS)),
                            BigDecimal.ONE, lineNet, BigDecimal.ZERO, new BigDecimal("19"), lineNet, lineGross.subtract(lineNet));
                    lines++;
                }
            }
            sink.row(INVOICES, tenant, id, String.format("%s-%08d", tenant.toUpperCase(), invoices),
                    String.format("SO-%08d", invoices), customers.get(customer), currency, "ISSUED", "NET30",
                    issueDate, issueDate, dueDate, net, gross.subtract(net), gross, open, 0L, CREATED, CREATED,
                    salesperson, RATES.get(currency));
        }

        private static String salesperson(int index) {
            return String.format("Salesperson %02d", index + 1);
        }
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
                // No value here contains a tab, newline or backslash, so text format needs no escaping; \N is null.
                text.append(values[i] == null ? "\\N"
                        : values[i] instanceof BigDecimal amount ? amount.toPlainString() : String.valueOf(values[i]));
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
