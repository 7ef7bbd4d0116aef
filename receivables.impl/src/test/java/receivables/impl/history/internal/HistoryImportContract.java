package receivables.impl.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.history.HistoryFormat;
import receivables.api.history.HistoryImport;
import receivables.api.history.HistoryImportStatus;
import receivables.api.money.Money;
import receivables.api.report.AgingReport;
import receivables.api.report.AgingRow;
import receivables.impl.background.internal.Leases;
import receivables.impl.background.internal.TestLeases;
import receivables.impl.console.internal.AdminCommands;
import receivables.impl.ledger.OnLedger;
import receivables.impl.ledger.internal.LedgerHistory;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TestTenants;

/**
 * A small hand-made history imported on every database we support, every figure worked out by hand below; the
 * tenant's functional currency is EUR, the file arrives on 2026-06-15.
 *
 * <pre>
 * Alpha  I1 H-001 1000.00 issued 01-10 due 02-09, paid in full 03-01 (no payment line: settled on its paid date)
 *        I2 H-002  500.00 issued 02-15 due 03-17, P1 200.00 on 03-20; open 300.00
 * Beta   I3 H-003  800.00 issued 03-01 due 03-31, P2 300.00 on 04-15, paid in full 05-10 (the other 500.00 then)
 *        I4 H-004  250.00 issued 05-20 due 06-19; open 250.00
 *        I5 H-005  120.00 issued 2025-11-05 due 2025-12-05, P3 20.00 on 01-15; open 100.00
 *
 * aging (current, 1-30, 31-60, 61-90, over 90) as of 02-28: Alpha I1 1000 overdue 19 days, I2 500 not yet due;
 *        Beta I5 100 overdue 85 days
 * aging as of 03-31: Alpha I2 300 overdue 14 days; Beta I3 800 due that day, I5 100 overdue 116 days
 * open on 06-15: 300 + 250 + 100 = 650, each journalled as an opening balance; nothing else is journalled
 * </pre>
 */
abstract class HistoryImportContract extends OnLedger {

    static final TenantId TENANT = new TenantId("history");
    static final LocalDate RECEIVED = LocalDate.of(2026, 6, 15);
    static final List<String> LINES = List.of(
            "record,sourceId,name,currency,customer,number,amount,issueDate,dueDate,paidDate,invoice,valueDate",
            "customer,C1,Alpha GmbH,EUR,,,,,,,,",
            "customer,C2,Beta SA,EUR,,,,,,,,",
            "invoice,I1,,EUR,C1,H-001,1000.00,2026-01-10,2026-02-09,2026-03-01,,",
            "invoice,I2,,EUR,C1,H-002,500.00,2026-02-15,2026-03-17,,,",
            "invoice,I3,,EUR,C2,H-003,800.00,2026-03-01,2026-03-31,2026-05-10,,",
            "invoice,I4,,EUR,C2,H-004,250.00,2026-05-20,2026-06-19,,,",
            "invoice,I5,,EUR,C2,H-005,120.00,2025-11-05,2025-12-05,,,",
            "payment,P1,,,,,200.00,,,,I2,2026-03-20",
            "payment,P2,,,,,300.00,,,,I3,2026-04-15",
            "payment,P3,,,,,20.00,,,,I5,2026-01-15");

    private Leases leases;
    private BackgroundHistoryImports imports;

    @BeforeEach
    void startTheImports() {
        leases = TestLeases.running(database, "history-node");
        TenantDirectory tenants = new TenantDirectory();
        imports = new BackgroundHistoryImports(database, customers, new LedgerHistory(journal, tenants, rates), rates,
                leases, tenants, new TableStatistics(database));
        imports.clock = Clock.fixed(Instant.parse("2026-06-15T08:00:00Z"), ZoneOffset.UTC);
    }

    @AfterEach
    void stopTheImports() throws InterruptedException {
        imports.deactivate();
        leases.deactivate();
    }

    @Test
    void theHistoryReadsAsIfItHadHappenedHereAndOnlyWhatIsOpenIsJournalled() {
        HistoryImport done = ended(imports.start(TENANT, HistoryFormat.CSV, file(LINES)));

        assertThat(done.status()).isEqualTo(HistoryImportStatus.COMPLETED);
        assertThat(List.of(done.records(), done.recordsStored(), done.customers(), done.invoices(), done.payments(),
                done.unchanged(), done.invoicesSettled(), done.openingBalances()))
                .containsExactly(10L, 10L, 2L, 5L, 5L, 0L, 2L, 3L);
        assertThat(done.openingDate()).isEqualTo(RECEIVED);

        assertThat(aging(LocalDate.of(2026, 2, 28))).containsExactly(
                tuple("Alpha GmbH", List.of(eur("500.00"), eur("1000.00"), eur("0.00"), eur("0.00"), eur("0.00")),
                        eur("1500.00")),
                tuple("Beta SA", List.of(eur("0.00"), eur("0.00"), eur("0.00"), eur("100.00"), eur("0.00")),
                        eur("100.00")));
        assertThat(aging(LocalDate.of(2026, 3, 31))).containsExactly(
                tuple("Alpha GmbH", List.of(eur("0.00"), eur("300.00"), eur("0.00"), eur("0.00"), eur("0.00")),
                        eur("300.00")),
                tuple("Beta SA", List.of(eur("800.00"), eur("0.00"), eur("0.00"), eur("0.00"), eur("100.00")),
                        eur("900.00")));

        assertThat(rows("select invoice_number, status, open_amount, issue_date, due_date from invoice"
                + " where tenant_id = 'history' order by invoice_number")).containsExactly(
                List.of("H-001", "PAID", "0.0000", "2026-01-10", "2026-02-09"),
                List.of("H-002", "PARTIALLY_PAID", "300.0000", "2026-02-15", "2026-03-17"),
                List.of("H-003", "PAID", "0.0000", "2026-03-01", "2026-03-31"),
                List.of("H-004", "ISSUED", "250.0000", "2026-05-20", "2026-06-19"),
                List.of("H-005", "PARTIALLY_PAID", "100.0000", "2025-11-05", "2025-12-05"));
        assertThat(rows("select i.invoice_number, a.value_date, a.amount from allocation a join invoice i"
                + " on i.tenant_id = a.tenant_id and i.id = a.invoice_id where a.tenant_id = 'history'"
                + " order by i.invoice_number, a.value_date")).containsExactly(
                List.of("H-001", "2026-03-01", "1000.0000"),
                List.of("H-002", "2026-03-20", "200.0000"),
                List.of("H-003", "2026-04-15", "300.0000"),
                List.of("H-003", "2026-05-10", "500.0000"),
                List.of("H-005", "2026-01-15", "20.0000"));
        assertThat(rows("select e.kind, e.reference, e.entry_date, l.account, l.debit, l.credit from journal_entry e"
                + " join journal_line l on l.tenant_id = e.tenant_id and l.entry_id = e.id where e.tenant_id = 'history'"
                + " order by e.reference, l.line_number")).containsExactly(
                List.of("OPENING_BALANCE", "H-002", "2026-06-15", "RECEIVABLE", "300.0000", "0.0000"),
                List.of("OPENING_BALANCE", "H-002", "2026-06-15", "OPENING_BALANCE", "0.0000", "300.0000"),
                List.of("OPENING_BALANCE", "H-004", "2026-06-15", "RECEIVABLE", "250.0000", "0.0000"),
                List.of("OPENING_BALANCE", "H-004", "2026-06-15", "OPENING_BALANCE", "0.0000", "250.0000"),
                List.of("OPENING_BALANCE", "H-005", "2026-06-15", "RECEIVABLE", "100.0000", "0.0000"),
                List.of("OPENING_BALANCE", "H-005", "2026-06-15", "OPENING_BALANCE", "0.0000", "100.0000"));
        assertThat(aging(RECEIVED)).extracting(row -> row.toList().get(2))
                .containsExactly(eur("300.00"), eur("350.00"));
    }

    @Test
    void theSameHistoryAsJsonReadsTheSame() {
        String json = """
                {"customers": [{"sourceId": "C1", "name": "Alpha GmbH", "currency": "EUR"},
                               {"sourceId": "C2", "name": "Beta SA", "currency": "EUR"}],
                 "invoices": [
                   {"sourceId": "I1", "customer": "C1", "number": "H-001", "currency": "EUR", "amount": 1000.00,
                    "issueDate": "2026-01-10", "dueDate": "2026-02-09", "paidDate": "2026-03-01"},
                   {"sourceId": "I2", "customer": "C1", "number": "H-002", "currency": "EUR", "amount": "500.00",
                    "issueDate": "2026-02-15", "dueDate": "2026-03-17", "paidDate": null},
                   {"sourceId": "I3", "customer": "C2", "number": "H-003", "currency": "EUR", "amount": 800,
                    "issueDate": "2026-03-01", "dueDate": "2026-03-31", "paidDate": "2026-05-10"},
                   {"sourceId": "I4", "customer": "C2", "number": "H-004", "currency": "EUR", "amount": 250.00,
                    "issueDate": "2026-05-20", "dueDate": "2026-06-19"},
                   {"sourceId": "I5", "customer": "C2", "number": "H-005", "currency": "EUR", "amount": 120.00,
                    "issueDate": "2025-11-05", "dueDate": "2025-12-05"}],
                 "payments": [{"sourceId": "P1", "invoice": "I2", "amount": 200.00, "valueDate": "2026-03-20"},
                              {"sourceId": "P2", "invoice": "I3", "amount": 300.00, "valueDate": "2026-04-15"},
                              {"sourceId": "P3", "invoice": "I5", "amount": 20.00, "valueDate": "2026-01-15"}]}
                """;

        HistoryImport done = ended(imports.start(TENANT, HistoryFormat.JSON,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));

        assertThat(List.of(done.records(), done.customers(), done.invoices(), done.payments(), done.invoicesSettled(),
                done.openingBalances())).containsExactly(10L, 2L, 5L, 5L, 2L, 3L);
        assertThat(aging(LocalDate.of(2026, 3, 31))).containsExactly(
                tuple("Alpha GmbH", List.of(eur("0.00"), eur("300.00"), eur("0.00"), eur("0.00"), eur("0.00")),
                        eur("300.00")),
                tuple("Beta SA", List.of(eur("800.00"), eur("0.00"), eur("0.00"), eur("0.00"), eur("100.00")),
                        eur("900.00")));
        HistoryImport csvAgain = ended(imports.start(TENANT, HistoryFormat.CSV, file(LINES)));
        assertThat(csvAgain.unchanged()).as("the same records in the other format").isEqualTo(10);
    }

    /** The file is kept in the database: a node that stops before it stores it leaves it to the next. */
    @Test
    void anImportLeftByAStoppingNodeIsStoredByAnother() throws InterruptedException {
        imports.deactivate();
        HistoryImport started = imports.start(TENANT, HistoryFormat.CSV, file(LINES));
        Leases otherLeases = TestLeases.running(database, "other-node");
        BackgroundHistoryImports other = new BackgroundHistoryImports(database, customers,
                new LedgerHistory(journal, new TenantDirectory(), rates), rates, otherLeases,
                TestTenants.withFeatures(TENANT), new TableStatistics(database));
        try {
            HistoryImport done = AdminCommands.awaited(started, current -> current.status() == HistoryImportStatus.RUNNING,
                    () -> other.find(TENANT, started.id()), Duration.ofMinutes(1));

            assertThat(done.status()).isEqualTo(HistoryImportStatus.COMPLETED);
            assertThat(List.of(done.recordsStored(), done.invoicesSettled(), done.openingBalances()))
                    .containsExactly(10L, 2L, 3L);
            assertThat(done.openingDate()).as("the day the file was received, not the day it was stored")
                    .isEqualTo(RECEIVED);
        } finally {
            other.deactivate();
            otherLeases.deactivate();
        }
    }

    @Test
    void theSameFileAgainChangesNothing() {
        ended(imports.start(TENANT, HistoryFormat.CSV, file(LINES)));
        List<List<String>> ledger = ledger();

        HistoryImport again = ended(imports.start(TENANT, HistoryFormat.CSV, file(LINES)));

        assertThat(again.status()).isEqualTo(HistoryImportStatus.COMPLETED);
        assertThat(List.of(again.records(), again.unchanged(), again.customers(), again.invoices(), again.payments(),
                again.invoicesSettled(), again.openingBalances())).containsExactly(10L, 10L, 0L, 0L, 0L, 0L, 0L);
        assertThat(ledger()).isEqualTo(ledger);
    }

    @Test
    void aChangedRecordIsRefusedByLineAndField() {
        ended(imports.start(TENANT, HistoryFormat.CSV, file(LINES)));
        List<List<String>> ledger = ledger();
        List<String> changed = new ArrayList<>(LINES);
        changed.set(6, "invoice,I4,,EUR,C2,H-004,260.00,2026-05-20,2026-06-19,,,");

        assertRefused(() -> imports.start(TENANT, HistoryFormat.CSV, file(changed)), "line 7: sourceId");
        assertThat(ledger()).isEqualTo(ledger);
        assertThat(rows("select count(*) from history_import where tenant_id = 'history'")).containsExactly(List.of("1"));
    }

    @Test
    void aBadLineStoresNothing() {
        List<String> bad = new ArrayList<>(LINES);
        bad.set(5, "invoice,I3,,EUR,C2,H-003,800.00,2026-02-30,2026-03-31,2026-05-10,,");

        assertRefused(() -> imports.start(TENANT, HistoryFormat.CSV, file(bad)), "line 6: issueDate");
        assertThat(ledger()).containsOnly(List.of("0"));
        assertThat(rows("select count(*) from history_import where tenant_id = 'history'")).containsExactly(List.of("0"));
        assertThat(rows("select count(*) from history_upload where tenant_id = 'history'")).containsExactly(List.of("0"));
    }

    /** How many rows each table of the ledger the import writes holds. */
    private List<List<String>> ledger() {
        return List.of("customer_account", "invoice", "installment", "payment", "allocation",
                "journal_entry", "journal_line", "history_record").stream()
                .map(table -> rows("select count(*) from " + table + " where tenant_id = 'history'").get(0))
                .toList();
    }

    private List<Tuple> aging(LocalDate asOf) {
        AgingReport report = aging.report(TENANT, asOf, List.of(30, 60, 90));
        return report.rows().stream().sorted(Comparator.comparing(AgingRow::customerName))
                .map(row -> tuple(row.customerName(), row.buckets(), row.total())).toList();
    }

    private List<List<String>> rows(String sql) {
        return database.inTransaction(TENANT, session -> session.createNativeQuery(sql, Object[].class).getResultList()
                .stream().map(row -> Arrays.stream(row).map(HistoryImportContract::text).toList()).toList());
    }

    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.setScale(4).toPlainString() : String.valueOf(value);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static ByteArrayInputStream file(List<String> lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The import as it ended, or as it stood after a minute. */
    private HistoryImport ended(HistoryImport started) {
        return AdminCommands.awaited(started, current -> current.status() == HistoryImportStatus.RUNNING,
                () -> imports.find(TENANT, started.id()), Duration.ofMinutes(1));
    }
}
