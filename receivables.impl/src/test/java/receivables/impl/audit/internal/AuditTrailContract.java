package receivables.impl.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.impl.approval.internal.FourEyesFixture;
import receivables.api.ConflictException;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.audit.Actor;
import receivables.api.audit.AuditOperation;
import receivables.api.audit.AuditQuery;
import receivables.api.audit.AuditRecord;
import receivables.api.audit.ChainVerification;
import receivables.api.audit.FieldChange;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceQuery;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.PaymentRequest;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.collections.internal.CollectorAssignment;
import receivables.impl.customer.internal.StoredCustomerAccounts;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.persistence.internal.TestDatabases;
import receivables.impl.terms.internal.StoredPaymentTerms;

/**
 * What the audit trail must do on every database we support; each subclass supplies one database.
 */
abstract class AuditTrailContract {

    static final TenantId ALPHA = new TenantId("alpha");
    static final TenantId BETA = new TenantId("beta");
    static final CallerContext CLERK = new CallerContext(Actor.credential("api-key:0a1b2c3d4e5f"), "192.0.2.7", "req-1");

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase();

    StoredCustomerAccounts customers;
    StoredAuditTrail trail;

    abstract TestDatabase testDatabase();

    @BeforeEach
    void wire() {
        customers = new StoredCustomerAccounts(testDatabase.get(), new StoredPaymentTerms(testDatabase.get()),
                TestDatabases.personalDataKeys(testDatabase.get()), FourEyesFixture.off(testDatabase.get()),
                new CollectorAssignment());
        trail = new StoredAuditTrail(testDatabase.get());
    }

    @Test
    void recordsWhoChangedWhatFromWhereWithTheFieldsBeforeAndAfter() {
        testDatabase.changes().callers().enter(CLERK);
        CustomerAccount created;
        try {
            created = customers.create(ALPHA, new CustomerRequest("C-1", "Acme GmbH", "DE123456789", "ap@acme.example",
                    "EUR", null, null, null, null, null, null, null, null, null));
            customers.update(ALPHA, created.id(), new CustomerRequest("C-1", "Acme AG", "DE123456789", "billing@acme.example",
                    "EUR", null, null, null, null, null, null, null, null, null), 0L);
        } finally {
            testDatabase.changes().callers().leave();
        }

        List<AuditRecord> records = trail.find(ALPHA, new AuditQuery("customer", created.id().toString(), null, null, null),
                PageRequest.first()).items();
        assertThat(records).extracting(AuditRecord::operation).containsExactly(AuditOperation.CREATED, AuditOperation.CHANGED);
        AuditRecord change = records.get(1);
        assertThat(change.actor()).isEqualTo(CLERK.actor());
        assertThat(change.clientAddress()).isEqualTo("192.0.2.7");
        assertThat(change.requestId()).isEqualTo("req-1");
        assertThat(change.changes()).contains(new FieldChange("name", "Acme GmbH", "Acme AG"),
                new FieldChange("email", FieldChange.WITHHELD, FieldChange.WITHHELD));
        assertThat(change.changes()).extracting(FieldChange::field).doesNotContain("taxId", "version");
        assertThat(records.get(0).changes()).contains(new FieldChange("currency", null, "EUR"));
        assertThat(records.toString()).doesNotContain("acme.example", "DE123456789");
        assertThat(trail.verify(ALPHA)).isEqualTo(ChainVerification.intact(2));
    }

    @Test
    void workOutsideARequestIsTheSystemsAndAChangeRolledBackLeavesNoRecord() {
        customers.create(ALPHA, details("C-1"));
        RecordedChange settings = new RecordedChange("tenant-settings", "alpha", AuditOperation.CHANGED,
                List.of(new FieldChange("features", "", "bank-reconciliation")));
        assertThatThrownBy(() -> testDatabase.get().inTransaction(ALPHA, session -> {
            testDatabase.changes().record(session, settings);
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");

        List<AuditRecord> records = trail.find(ALPHA, AuditQuery.everything(), PageRequest.first()).items();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).actor()).isEqualTo(Actor.system("background"));
        assertThat(records.get(0).clientAddress()).isNull();
        assertThat(testDatabase.changes().pendingTransactions()).isZero();

        testDatabase.get().inTransaction(ALPHA, session -> {
            testDatabase.changes().record(session, settings);
            return null;
        });
        assertThat(trail.find(ALPHA, new AuditQuery("tenant-settings", "alpha", null, null, null), PageRequest.first())
                .items()).extracting(AuditRecord::changes).containsExactly(settings.changes());
    }

    @Test
    void eachTenantHasItsOwnChainAndSeesOnlyItsOwnRecords() {
        customers.create(ALPHA, details("C-1"));
        customers.create(BETA, details("C-1"));
        customers.create(BETA, details("C-2"));

        assertThat(trail.find(ALPHA, AuditQuery.everything(), PageRequest.first()).items())
                .extracting(AuditRecord::sequence).containsExactly(1L);
        assertThat(trail.find(BETA, AuditQuery.everything(), PageRequest.first()).items())
                .extracting(AuditRecord::sequence).containsExactly(1L, 2L);
        assertThat(trail.verify(ALPHA).intact()).isTrue();
        assertThat(trail.verify(BETA)).isEqualTo(ChainVerification.intact(2));
    }

    @Test
    void queriesByEntityActorAndPeriodInPages() {
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 5; i++) {
            customers.create(ALPHA, details("C-" + i));
        }
        testDatabase.changes().callers().enter(CLERK);
        try {
            customers.create(ALPHA, details("C-clerk"));
        } finally {
            testDatabase.changes().callers().leave();
        }

        var page = trail.find(ALPHA, new AuditQuery("customer", null, null, before, null), new PageRequest(1, 4));
        assertThat(page.totalItems()).isEqualTo(6);
        assertThat(page.items()).extracting(AuditRecord::sequence).containsExactly(5L, 6L);
        assertThat(trail.find(ALPHA, new AuditQuery(null, null, CLERK.actor().id(), null, null), PageRequest.first()).items())
                .extracting(AuditRecord::sequence).containsExactly(6L);
        assertThat(trail.find(ALPHA, new AuditQuery(null, null, null, null, before), PageRequest.first()).totalItems()).isZero();
        assertThat(trail.find(ALPHA, new AuditQuery("invoice", null, null, null, null), PageRequest.first()).totalItems()).isZero();
        List<AuditRecord> all = new ArrayList<>();
        trail.forEach(ALPHA, AuditQuery.everything(), all::add);
        assertThat(all).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void anIssuedInvoiceIsOneRecordCarryingItsLinesAndInstallmentsAndItsLaterChangesAreFoundByIt() {
        LedgerFixture ledger = LedgerFixture.on(testDatabase.get());
        UUID customer = ledger.customers().create(ALPHA, details("C-1")).id();
        ledger.invoices().invoiceAndIssue(ALPHA, List.of(new SalesOrder("SO-1", customer, "EUR", LocalDate.of(2026, 3, 2),
                null, List.of(new OrderLine("WIDGET", "Widget", new BigDecimal("3"), new BigDecimal("19.99"), null,
                                new BigDecimal("19")),
                        new OrderLine("SERVICE", null, new BigDecimal("1.5"), new BigDecimal("80.00"), null,
                                new BigDecimal("7"))))), LocalDate.of(2026, 3, 3));
        Invoice invoice = ledger.invoices().list(ALPHA, InvoiceQuery.all(), PageRequest.first()).items().get(0);
        AuditQuery byInvoice = new AuditQuery("invoice", invoice.id().toString(), null, null, null);

        List<AuditRecord> issued = trail.find(ALPHA, byInvoice, PageRequest.first()).items();
        assertThat(issued).extracting(AuditRecord::operation).containsExactly(AuditOperation.CREATED);
        assertThat(issued.get(0).changes()).contains(new FieldChange("status", null, "ISSUED"),
                new FieldChange("number", null, invoice.number()), new FieldChange("lines[1].product", null, "WIDGET"),
                new FieldChange("lines[1].unitPrice", null, "19.99"), new FieldChange("lines[2].product", null, "SERVICE"),
                new FieldChange("installments[1].dueDate", null, invoice.installments().get(0).dueDate().toString()),
                new FieldChange("installments[1].open", null, invoice.gross().amount().toPlainString()));
        assertThat(issued.get(0).changes()).extracting(FieldChange::field)
                .contains("lines[1].id", "lines[2].quantity", "installments[1].id", "installments[1].amount")
                .doesNotContain("lines[1].invoiceId", "installments[1].invoiceId", "lines[3].id", "installments[2].id")
                .as("a part leaves out what its name and its invoice say")
                .doesNotContain("lines[1].lineNumber", "lines[1].tenantId", "installments[1].sequence",
                        "installments[1].customerId", "installments[1].currency", "installments[1].issueDate")
                .contains("customerId", "currency", "issueDate");
        for (String part : List.of("invoice-line", "installment")) {
            assertThat(trail.find(ALPHA, new AuditQuery(part, null, null, null, null), PageRequest.first()).totalItems())
                    .as("records of their own for %s", part).isZero();
        }

        ledger.payments().record(ALPHA, new PaymentRequest("pay-1", customer, "BANK_TRANSFER", Money.of("10.00", "EUR"),
                LocalDate.of(2026, 3, 10), null, List.of()));

        List<AuditRecord> changes = trail.find(ALPHA, byInvoice, PageRequest.first()).items();
        assertThat(changes).extracting(AuditRecord::operation).containsExactly(AuditOperation.CREATED, AuditOperation.CHANGED);
        assertThat(changes.get(1).changes()).contains(new FieldChange("status", "ISSUED", "PARTIALLY_PAID"));
        assertThat(changes.get(1).changes()).extracting(FieldChange::field).contains("open", "installments[1].open");
        long recorded = trail.find(ALPHA, AuditQuery.everything(), PageRequest.first()).totalItems();
        assertThat(trail.verify(ALPHA)).isEqualTo(ChainVerification.intact(recorded));
    }

    /**
     * A batch's new invoices are written outside the session (as {@code NewRows}); their records join the batch's
     * transaction all the same, and go with it when it fails after they were written.
     */
    @Test
    void aBatchThatFailsAfterWritingItsNewInvoicesLeavesNeitherThemNorTheirRecords() {
        LedgerFixture ledger = LedgerFixture.on(testDatabase.get());
        UUID customer = ledger.customers().create(ALPHA, details("C-1")).id();
        List<OrderLine> lines = List.of(new OrderLine("WIDGET", "Widget", BigDecimal.ONE, new BigDecimal("19.99"), null,
                new BigDecimal("19")));
        ledger.invoices().invoiceAndIssue(ALPHA, List.of(new SalesOrder("SO-1", customer, "EUR",
                LocalDate.of(2026, 3, 2), null, lines)), LocalDate.of(2026, 3, 3));
        long before = trail.find(ALPHA, AuditQuery.everything(), PageRequest.first()).totalItems();

        List<SalesOrder> batch = new ArrayList<>();
        for (int i = 2; i <= 150; i++) {
            batch.add(new SalesOrder("SO-" + i, customer, "EUR", LocalDate.of(2026, 3, 2), null, lines));
        }
        batch.add(new SalesOrder("SO-1", customer, "EUR", LocalDate.of(2026, 3, 2), null, List.of(new OrderLine("WIDGET",
                "Widget", BigDecimal.TEN, new BigDecimal("19.99"), null, new BigDecimal("19")))));
        assertThatThrownBy(() -> ledger.invoices().invoiceAndIssue(ALPHA, batch, LocalDate.of(2026, 3, 3)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("SO-1");

        assertThat(ledger.invoices().list(ALPHA, InvoiceQuery.all(), PageRequest.first()).totalItems()).isOne();
        assertThat(trail.find(ALPHA, AuditQuery.everything(), PageRequest.first()).totalItems()).isEqualTo(before);
        assertThat(testDatabase.changes().pendingTransactions()).isZero();

        ledger.invoices().invoiceAndIssue(ALPHA, batch.subList(0, 149), LocalDate.of(2026, 3, 3));
        assertThat(trail.find(ALPHA, new AuditQuery("invoice", null, null, null, null), PageRequest.first()).totalItems())
                .isEqualTo(150);
        assertThat(trail.verify(ALPHA)).isEqualTo(ChainVerification.intact(before + 149));
    }

    /**
     * A transaction of a batch's size ({@link AuditChain#COPIED_FROM} records and more, which PostgreSQL takes by
     * COPY) chains and keeps its records as one of a few does, whatever their text, and the chain goes on after it.
     */
    @Test
    void aBatchsRecordsAreChainedAndReadBackAsRecordedWhateverTheirText() {
        customers.create(ALPHA, details("C-0"));
        List<RecordedChange> batch = new ArrayList<>();
        String[] texts = { "back\\slash", "tab\tnew\nline\rreturn", "\\N", "\\.", "quote \" and 'single'",
                "发票 Zahlung 🧾", "", "\u00e9t\u00e9 \u0001 control" };
        for (int i = 0; i < AuditChain.COPIED_FROM + 20; i++) {
            batch.add(new RecordedChange("tenant-settings", "setting-" + i, AuditOperation.CHANGED,
                    List.of(new FieldChange("note", i == 0 ? null : texts[i % texts.length], texts[(i + 1) % texts.length]))));
        }
        testDatabase.changes().callers().enter(CLERK);
        try {
            testDatabase.get().inTransaction(ALPHA, session -> {
                batch.forEach(change -> testDatabase.changes().record(session, change));
                return null;
            });
        } finally {
            testDatabase.changes().callers().leave();
        }
        customers.create(ALPHA, details("C-1"));

        List<AuditRecord> records = new ArrayList<>();
        trail.forEach(ALPHA, new AuditQuery("tenant-settings", null, null, null, null), records::add);
        assertThat(records).extracting(AuditRecord::changes)
                .containsExactlyElementsOf(batch.stream().map(RecordedChange::changes).toList());
        assertThat(records).extracting(AuditRecord::sequence).first().isEqualTo(2L);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.actor()).isEqualTo(CLERK.actor());
            assertThat(record.clientAddress()).isEqualTo(CLERK.clientAddress());
        });
        assertThat(trail.verify(ALPHA)).isEqualTo(ChainVerification.intact(batch.size() + 2));
    }

    @Test
    void concurrentWritersOfOneTenantNeverForkTheChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<CustomerAccount>> work = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String number = "C-" + i;
                work.add(() -> customers.create(ALPHA, details(number)));
            }
            for (Future<CustomerAccount> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(trail.verify(ALPHA)).isEqualTo(ChainVerification.intact(24));
    }

    @Test
    void aRecordChangedInTheDatabaseBreaksTheChainThere() {
        for (int i = 0; i < 4; i++) {
            customers.create(ALPHA, details("C-" + i));
        }
        tamper("update audit_record set changes = replace(changes, 'C-1', 'C-9') where tenant_id = 'alpha' "
                + "and sequence_number = 2");

        ChainVerification verification = trail.verify(ALPHA);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(2L);
        assertThat(verification.problem()).contains("record 2 was changed");
        assertThat(trail.verify(BETA).intact()).isTrue();
    }

    @Test
    void aRecordRemovedOrTheNewestDroppedBreaksTheChain() {
        for (int i = 0; i < 4; i++) {
            customers.create(ALPHA, details("C-" + i));
        }
        tamper("delete from audit_record where tenant_id = 'alpha' and sequence_number = 4");
        assertThat(trail.verify(ALPHA)).isEqualTo(ChainVerification.broken(3, 4, "records 4 to 4 are missing"));

        tamper("delete from audit_record where tenant_id = 'alpha' and sequence_number = 2");
        assertThat(trail.verify(ALPHA)).isEqualTo(ChainVerification.broken(1, 2, "record 2 is missing"));
    }

    @Test
    void aRecordWhoseHashIsRecomputedStillBreaksTheRecordAfterIt() {
        for (int i = 0; i < 3; i++) {
            customers.create(ALPHA, details("C-" + i));
        }
        tamper("update audit_record set record_hash = '" + "f".repeat(64) + "' where tenant_id = 'alpha' and sequence_number = 2");

        assertThat(trail.verify(ALPHA).firstBrokenSequence()).isEqualTo(2L);
    }

    /** Changes the trail behind the application's back, as someone with database access could. */
    void tamper(String sql) {
        testDatabase.get().inTransaction(ALPHA, session -> {
            session.doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    if (testDatabase.postgres()) {
                        statement.execute("alter table audit_record disable trigger audit_record_append_only");
                    }
                    statement.executeUpdate(sql);
                    if (testDatabase.postgres()) {
                        statement.execute("alter table audit_record enable trigger audit_record_append_only");
                    }
                }
            });
            return null;
        });
    }

    static CustomerRequest details(String number) {
        return CustomerRequest.of(number, "Customer " + number + " " + UUID.randomUUID(), null, null, "EUR");
    }

    static void execute(TestDatabase database, String sql) {
        database.get().inTransaction(ALPHA, session -> {
            session.doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate(sql);
                }
            });
            return null;
        });
    }
}
