package receivables.impl.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.audit.AuditQuery;
import receivables.api.audit.AuditRecord;
import receivables.api.audit.FieldChange;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.journal.Account;
import receivables.api.journal.JournalEntryKind;
import receivables.impl.audit.internal.StoredAuditTrail;
import receivables.impl.persistence.internal.NewRows;
import receivables.impl.persistence.internal.StatementRecorder;
import receivables.impl.persistence.internal.TestDatabase;

/**
 * A billing batch's new rows, written together by {@code Database.insert} (copied on PostgreSQL), are the rows and
 * the audit records that Hibernate writes when the same entities are persisted, whatever their text, amounts, days
 * and moments: each set goes into a tenant of its own, with the same ids, and both tenants' rows and records must be
 * equal, the tenant aside.
 */
abstract class NewRowsContract {

    private static final List<String> TABLES = List.of("invoice", "invoice_line", "installment", "journal_entry",
            "journal_line");

    private final AtomicInteger tenants = new AtomicInteger();
    private final StatementRecorder statements = new StatementRecorder();
    private TestDatabase testDatabase;

    protected abstract TestDatabase testDatabase();

    @BeforeProperty
    void open() {
        testDatabase = testDatabase().recording(statements).open();
    }

    @AfterProperty
    void close() {
        testDatabase.close();
    }

    /** The values of one invoice with its lines, installments and journal entry; entities are made anew from it. */
    record Written(UUID id, String number, String orderId, UUID customerId, String currency, InvoiceStatus status,
            String termsCode, LocalDate orderDate, LocalDate issueDate, LocalDate dueDate, BigDecimal net,
            BigDecimal tax, BigDecimal gross, BigDecimal open, String salesperson, BigDecimal fxRate, long version,
            Instant createdAt, Instant updatedAt, List<Line> lines, List<Due> installments, JournalEntryKind kind,
            String reference, BigDecimal rate, List<Posting> postings) {
    }

    record Line(UUID id, String product, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discountPercent, BigDecimal taxRate, BigDecimal net, BigDecimal tax) {
    }

    record Due(UUID id, LocalDate dueDate, BigDecimal amount, BigDecimal open, LocalDate discountUntil,
            BigDecimal discountAmount, long version) {
    }

    record Posting(UUID id, Account account, BigDecimal debit, BigDecimal credit, BigDecimal functionalDebit,
            BigDecimal functionalCredit) {
    }

    @Property(tries = 25)
    void rowsWrittenTogetherAreTheRowsAndRecordsOfPersistedOnes(@ForAll("invoices") List<Written> invoices) {
        TenantId together = new TenantId("together-" + tenants.incrementAndGet());
        TenantId persisted = new TenantId("persisted-" + tenants.get());
        statements.clear();
        testDatabase.get().inTransaction(together, (session, tx) -> {
            NewRows rows = new NewRows(InvoiceEntity.class, InvoiceLineEntity.class, InstallmentEntity.class,
                    JournalEntryEntity.class, JournalLineEntity.class);
            invoices.forEach(invoice -> entities(invoice, rows::add));
            testDatabase.get().insert(session, rows);
        });
        assertThat(statements.prepared()).as("PostgreSQL copies the rows, H2 inserts them")
                .filteredOn(sql -> TABLES.stream().anyMatch(table -> sql.startsWith("insert into " + table + " ")))
                .hasSize(testDatabase.postgres() || invoices.isEmpty()
                        ? 0 : TABLES.size());
        testDatabase.get().inTransaction(persisted, (session, tx) -> {
            invoices.forEach(invoice -> entities(invoice, session::persist));
        });

        for (String table : TABLES) {
            assertThat(rows(together, table)).as(table).isEqualTo(rows(persisted, table));
        }
        assertThat(records(together)).isEqualTo(records(persisted));
    }

    /** The entities of {@code invoice}, new ones each time, in the order a billing batch makes them. */
    private static void entities(Written invoice, Consumer<Object> into) {
        InvoiceEntity entity = new InvoiceEntity();
        entity.id = invoice.id();
        entity.numbered(invoice.number());
        entity.orderId = invoice.orderId();
        entity.customerId = invoice.customerId();
        entity.currency = invoice.currency();
        entity.status = invoice.status();
        entity.termsCode = invoice.termsCode();
        entity.orderDate = invoice.orderDate();
        entity.issueDate = invoice.issueDate();
        entity.dueDate = invoice.dueDate();
        entity.net = invoice.net();
        entity.tax = invoice.tax();
        entity.gross = invoice.gross();
        entity.open = invoice.open();
        entity.salesperson = invoice.salesperson();
        entity.fxRate = invoice.fxRate();
        entity.version = invoice.version();
        entity.createdAt = invoice.createdAt();
        entity.updatedAt = invoice.updatedAt();
        into.accept(entity);
        int number = 0;
        for (Line line : invoice.lines()) {
            InvoiceLineEntity row = new InvoiceLineEntity();
            row.id = line.id();
            row.invoiceId = invoice.id();
            row.lineNumber = ++number;
            row.product = line.product();
            row.description = line.description();
            row.quantity = line.quantity();
            row.unitPrice = line.unitPrice();
            row.discountPercent = line.discountPercent();
            row.taxRate = line.taxRate();
            row.net = line.net();
            row.tax = line.tax();
            into.accept(row);
        }
        number = 0;
        for (Due due : invoice.installments()) {
            InstallmentEntity row = new InstallmentEntity();
            row.id = due.id();
            row.invoiceId = invoice.id();
            row.sequence = ++number;
            row.customerId = invoice.customerId();
            row.currency = invoice.currency();
            row.issueDate = invoice.issueDate();
            row.dueDate = due.dueDate();
            row.amount = due.amount();
            row.open = due.open();
            row.discountUntil = due.discountUntil();
            row.discountAmount = due.discountAmount();
            row.version = due.version();
            into.accept(row);
        }
        JournalEntryEntity entry = new JournalEntryEntity();
        entry.id = invoice.id();
        entry.date = invoice.issueDate();
        entry.kind = invoice.kind();
        entry.reference = invoice.reference();
        entry.createdAt = invoice.createdAt();
        entry.rate = invoice.rate();
        into.accept(entry);
        number = 0;
        for (Posting posting : invoice.postings()) {
            JournalLineEntity row = new JournalLineEntity();
            row.id = posting.id();
            row.entryId = invoice.id();
            row.lineNumber = ++number;
            row.account = posting.account();
            row.currency = invoice.currency();
            row.debit = posting.debit();
            row.credit = posting.credit();
            row.functionalDebit = posting.functionalDebit();
            row.functionalCredit = posting.functionalCredit();
            into.accept(row);
        }
    }

    /** The tenant's rows of {@code table} by id, each column as the driver reads it, the tenant's own column aside. */
    private List<Map<String, Object>> rows(TenantId tenant, String table) {
        return testDatabase.get().inTransaction(tenant, session -> session.doReturningWork(connection -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select * from " + table
                    + " where tenant_id = ? order by id")) {
                select.setString(1, tenant.value());
                try (ResultSet row = select.executeQuery()) {
                    ResultSetMetaData columns = row.getMetaData();
                    while (row.next()) {
                        Map<String, Object> values = new LinkedHashMap<>();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            if (!columns.getColumnName(i).equalsIgnoreCase("tenant_id")) {
                                values.put(columns.getColumnName(i).toLowerCase(), row.getObject(i));
                            }
                        }
                        rows.add(values);
                    }
                }
            }
            return rows;
        }));
    }

    /** The tenant's audit records as what and how they changed, by entity, the tenant's name written as such. */
    private List<List<Object>> records(TenantId tenant) {
        List<AuditRecord> records = new StoredAuditTrail(testDatabase.get())
                .find(tenant, AuditQuery.everything(), new PageRequest(0, PageRequest.MAX_SIZE)).items();
        return records.stream().sorted(Comparator.comparing(AuditRecord::entityId))
                .map(record -> List.<Object>of(record.entityType(), record.entityId(), record.operation(),
                        record.changes().stream().map(change -> new FieldChange(change.field(), change.before(),
                                tenant.value().equals(change.after()) ? "(tenant)" : change.after()))
                                .sorted(Comparator.comparing(FieldChange::field)).toList()))
                .toList();
    }

    @Provide
    Arbitrary<List<Written>> invoices() {
        Arbitrary<Line> lines = Builders.withBuilder(() -> new Object[9])
                .use(ids()).in((values, id) -> set(values, 0, id))
                .use(text(64, false)).in((values, text) -> set(values, 1, text))
                .use(text(200, true)).in((values, text) -> set(values, 2, text))
                .use(amounts(6)).in((values, amount) -> set(values, 3, amount))
                .use(amounts(4)).in((values, amount) -> set(values, 4, amount))
                .use(percents()).in((values, percent) -> set(values, 5, percent))
                .use(percents()).in((values, percent) -> set(values, 6, percent))
                .use(amounts(4)).in((values, amount) -> set(values, 7, amount))
                .use(amounts(4)).in((values, amount) -> set(values, 8, amount))
                .build(values -> new Line((UUID) values[0], (String) values[1], (String) values[2],
                        (BigDecimal) values[3], (BigDecimal) values[4], (BigDecimal) values[5], (BigDecimal) values[6],
                        (BigDecimal) values[7], (BigDecimal) values[8]));
        Arbitrary<Due> dues = Builders.withBuilder(() -> new Object[7])
                .use(ids()).in((values, id) -> set(values, 0, id))
                .use(days()).in((values, day) -> set(values, 1, day))
                .use(amounts(4)).in((values, amount) -> set(values, 2, amount))
                .use(amounts(4)).in((values, amount) -> set(values, 3, amount))
                .use(days().injectNull(0.5)).in((values, day) -> set(values, 4, day))
                .use(amounts(4).injectNull(0.5)).in((values, amount) -> set(values, 5, amount))
                .use(versions()).in((values, version) -> set(values, 6, version))
                .build(values -> new Due((UUID) values[0], (LocalDate) values[1], (BigDecimal) values[2],
                        (BigDecimal) values[3], (LocalDate) values[4], (BigDecimal) values[5], (Long) values[6]));
        Arbitrary<Posting> postings = Builders.withBuilder(() -> new Object[6])
                .use(ids()).in((values, id) -> set(values, 0, id))
                .use(Arbitraries.of(Account.class)).in((values, account) -> set(values, 1, account))
                .use(amounts(4)).in((values, amount) -> set(values, 2, amount))
                .use(amounts(4)).in((values, amount) -> set(values, 3, amount))
                .use(amounts(4).injectNull(0.3)).in((values, amount) -> set(values, 4, amount))
                .use(amounts(4).injectNull(0.3)).in((values, amount) -> set(values, 5, amount))
                .build(values -> new Posting((UUID) values[0], (Account) values[1], (BigDecimal) values[2],
                        (BigDecimal) values[3], (BigDecimal) values[4], (BigDecimal) values[5]));
        Arbitrary<Written> invoices = Builders.withBuilder(() -> new Object[25])
                .use(ids()).in((values, id) -> set(values, 0, id))
                .use(text(40, true)).in((values, text) -> set(values, 1, text))
                .use(text(64, false)).in((values, text) -> set(values, 2, text))
                .use(ids()).in((values, id) -> set(values, 3, id))
                .use(Arbitraries.strings().withCharRange('A', 'Z').ofLength(3)).in((values, code) -> set(values, 4, code))
                .use(Arbitraries.of(InvoiceStatus.class)).in((values, status) -> set(values, 5, status))
                .use(text(32, false)).in((values, text) -> set(values, 6, text))
                .use(days()).in((values, day) -> set(values, 7, day))
                .use(days()).in((values, day) -> set(values, 8, day))
                .use(days().injectNull(0.2)).in((values, day) -> set(values, 9, day))
                .use(amounts(4)).in((values, amount) -> set(values, 10, amount))
                .use(amounts(4)).in((values, amount) -> set(values, 11, amount))
                .use(amounts(4)).in((values, amount) -> set(values, 12, amount))
                .use(amounts(4)).in((values, amount) -> set(values, 13, amount))
                .use(text(100, true)).in((values, text) -> set(values, 14, text))
                .use(rates().injectNull(0.5)).in((values, rate) -> set(values, 15, rate))
                .use(versions()).in((values, version) -> set(values, 16, version))
                .use(moments()).in((values, moment) -> set(values, 17, moment))
                .use(moments()).in((values, moment) -> set(values, 18, moment))
                .use(lines.list().ofMinSize(1).ofMaxSize(4)).in((values, list) -> set(values, 19, list))
                .use(dues.list().ofMinSize(1).ofMaxSize(3)).in((values, list) -> set(values, 20, list))
                .use(Arbitraries.of(JournalEntryKind.class)).in((values, kind) -> set(values, 21, kind))
                .use(text(64, false)).in((values, text) -> set(values, 22, text))
                .use(rates()).in((values, rate) -> set(values, 23, rate))
                .use(postings.list().ofMinSize(1).ofMaxSize(3)).in((values, list) -> set(values, 24, list))
                .build(NewRowsContract::written);
        return invoices.list().ofMaxSize(12).uniqueElements(Written::orderId).uniqueElements(Written::number);
    }

    @SuppressWarnings("unchecked")
    private static Written written(Object[] values) {
        return new Written((UUID) values[0], (String) values[1], (String) values[2], (UUID) values[3],
                (String) values[4], (InvoiceStatus) values[5], (String) values[6], (LocalDate) values[7],
                (LocalDate) values[8], (LocalDate) values[9], (BigDecimal) values[10], (BigDecimal) values[11],
                (BigDecimal) values[12], (BigDecimal) values[13], (String) values[14], (BigDecimal) values[15],
                (Long) values[16], (Instant) values[17], (Instant) values[18], (List<Line>) values[19],
                (List<Due>) values[20], (JournalEntryKind) values[21], (String) values[22], (BigDecimal) values[23],
                (List<Posting>) values[24]);
    }

    private static Object[] set(Object[] values, int index, Object value) {
        values[index] = value;
        return values;
    }

    private static Arbitrary<UUID> ids() {
        return Arbitraries.create(UUID::randomUUID);
    }

    /**
     * Any text but NUL, which PostgreSQL refuses in any text, and lone surrogates, which no UTF-8 database keeps; the
     * format's own characters (backslash, tab, newline) more often than by chance.
     */
    private static Arbitrary<String> text(int length, boolean nullable) {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0001', '\uD7FF').withCharRange('\uE000', '\uFFFF')
                .withChars('\\', '\t', '\n', '\r', 'N', '.').ofMinLength(1).ofMaxLength(length);
        return nullable ? text.injectNull(0.2) : text;
    }

    /** Amounts with up to {@code scale} decimals and sometimes more, which both ways round to the column's. */
    private static Arbitrary<BigDecimal> amounts(int scale) {
        return Arbitraries.bigDecimals().between(new BigDecimal("-999999999999"), new BigDecimal("999999999999"))
                .ofScale(scale + 2);
    }

    private static Arbitrary<BigDecimal> percents() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(4);
    }

    private static Arbitrary<BigDecimal> rates() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.0000000001"), new BigDecimal("9999999999"))
                .ofScale(10);
    }

    private static Arbitrary<Long> versions() {
        return Arbitraries.longs().between(-2, 5);
    }

    private static Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(1, 9_999).flatMap(year -> Arbitraries.integers().between(1, 365)
                .map(day -> LocalDate.ofYearDay(year, day)));
    }

    /**
     * Moments down to the nanosecond, which both ways round to the column's microseconds, from 1583 on: Hibernate binds
     * a moment through {@code java.sql.Timestamp}, which shifts one before the Gregorian calendar by its Julian days,
     * where a copy writes the moment itself. The ledger's moments are the clock's.
     */
    private static Arbitrary<Instant> moments() {
        return Arbitraries.longs().between(-12_212_553_600L, 253_402_300_799L).flatMap(seconds -> Arbitraries
                .integers().between(0, 999_999_999).map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
    }
}
