package receivables.impl.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.ConflictException;

import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.customer.CustomerDetails;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.Payment;
import receivables.api.statement.CreditorReference;
import receivables.api.statement.ImportStatus;
import receivables.api.statement.MatchCandidate;
import receivables.api.statement.StatementImport;
import receivables.api.statement.SuspenseItem;
import receivables.api.statement.SuspenseStatus;
import receivables.impl.ledger.OnLedger;

/**
 * Statement import and matching on every database we support, through the real camt.053 and MT940 readers:
 * what is booked, what waits in the suspense queue, what a clerk does with it, and that nothing is imported
 * twice or from a malformed file.
 */
abstract class StatementImportContract extends OnLedger {

    static final TenantId TENANT = new TenantId("bank");
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);
    static final String ACCOUNT = "DE89370400440532013000";

    private BackgroundStatementImports imports;
    private StoredSuspenseQueue queue;
    private UUID acme;
    private UUID beta;
    private UUID gamma;
    private Invoice byReference;
    private Invoice byNumber;
    private Invoice byAmountAndPayer;
    private Invoice partlyPaid;
    private Invoice overpaid;

    @BeforeEach
    void wireTheImport() {
        BackgroundStatementImports started = new BackgroundStatementImports();
        started.database = database;
        started.payments = payments;
        started.formats = BankStatementReaders.all();
        started.activate(configuration(80));
        imports = started;
        queue = new StoredSuspenseQueue();
        queue.database = database;
        queue.payments = payments;
        acme = customer("Acme GmbH");
        beta = customer("Beta Ltd.");
        gamma = customer("Gamma AG");
        byReference = issue("SO-1", acme, "100.00");
        byNumber = issue("SO-2", beta, "250.00");
        byAmountAndPayer = issue("SO-3", gamma, "80.00");
        partlyPaid = issue("SO-4", acme, "300.00");
        overpaid = issue("SO-5", beta, "50.00");
    }

    @AfterEach
    void stopTheImport() throws InterruptedException {
        if (imports != null) {
            imports.deactivate();
        }
    }

    @Test
    void aStatementPaysTheInvoicesItNamesAndLeavesTheRestToAClerk() {
        StatementImport done = importAndWait(statement());

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.format()).isEqualTo("camt.053");
        assertThat(List.of(done.linesRead(), done.matched(), done.suspended(), done.skipped(), done.duplicates()))
                .containsExactly(7L, 4L, 2L, 1L, 0L);
        assertThat(invoice(byReference).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice(byNumber).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice(partlyPaid).status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoice(partlyPaid).open()).isEqualTo(eur("180.00"));
        assertThat(invoice(overpaid).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice(byAmountAndPayer).status()).isEqualTo(InvoiceStatus.ISSUED);
        Payment overpayment = paymentFor("NTRY-5");
        assertThat(overpayment.customerId()).isEqualTo(beta);
        assertThat(overpayment.method()).isEqualTo("BANK_TRANSFER");
        assertThat(overpayment.unallocated()).isEqualTo(eur("10.00"));
        assertThat(overpayment.valueDate()).isEqualTo(ISSUED.plusDays(10));

        List<SuspenseItem> open = queue.list(TENANT, SuspenseStatus.OPEN, PageRequest.first()).items();
        assertThat(open).extracting(item -> item.line().amount()).containsExactly(eur("80.00"), eur("42.42"));
        assertThat(open.get(0).account()).isEqualTo(ACCOUNT);
        assertThat(open.get(0).line().counterpartyName()).isEqualTo("GAMMA AG");
        assertThat(open.get(0).candidates()).extracting(MatchCandidate::invoiceId, MatchCandidate::confidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(byAmountAndPayer.id(), 70));
        assertThat(open.get(1).candidates()).isEmpty();
        assertThat(queue.list(TENANT, null, new PageRequest(1, 1)).totalItems()).isEqualTo(2);
    }

    @Test
    void aClerkMatchesOneLineByHandAndDismissesTheOther() {
        importAndWait(statement());
        List<SuspenseItem> open = queue.list(TENANT, SuspenseStatus.OPEN, PageRequest.first()).items();
        SuspenseItem gammas = open.get(0);
        SuspenseItem unknown = open.get(1);

        Payment payment = queue.matchToInvoice(TENANT, gammas.id(), byAmountAndPayer.id());

        assertThat(payment.customerId()).isEqualTo(gamma);
        assertThat(payment.allocations()).singleElement().satisfies(allocation -> {
            assertThat(allocation.invoiceId()).isEqualTo(byAmountAndPayer.id());
            assertThat(allocation.amount()).isEqualTo(eur("80.00"));
        });
        assertThat(invoice(byAmountAndPayer).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(queue.find(TENANT, gammas.id()).orElseThrow()).satisfies(item -> {
            assertThat(item.status()).isEqualTo(SuspenseStatus.MATCHED);
            assertThat(item.paymentId()).isEqualTo(payment.id());
            assertThat(item.resolution()).contains(byAmountAndPayer.number());
        });
        assertThatThrownBy(() -> queue.matchToCustomer(TENANT, gammas.id(), gamma)).isInstanceOf(ConflictException.class);
        assertRefused(() -> queue.dismiss(TENANT, unknown.id(), " "), "reason");
        assertRefused(() -> queue.matchToInvoice(TENANT, unknown.id(), byReference.id()), "invoiceId");
        assertRefused(() -> queue.matchToCustomer(TENANT, unknown.id(), UUID.randomUUID()), "customerId");

        SuspenseItem dismissed = queue.dismiss(TENANT, unknown.id(), "a private transfer to the wrong account");

        assertThat(dismissed.status()).isEqualTo(SuspenseStatus.DISMISSED);
        assertThat(dismissed.resolution()).isEqualTo("a private transfer to the wrong account");
        assertThat(queue.list(TENANT, SuspenseStatus.OPEN, PageRequest.first()).items()).isEmpty();
        assertThat(queue.list(TENANT, SuspenseStatus.MATCHED, PageRequest.first()).items()).hasSize(1);
        assertThat(count("payment")).isEqualTo(5);
    }

    @Test
    void aLineMatchedToACustomerPaysItsOldestInvoices() {
        importAndWait(statement());
        SuspenseItem unknown = queue.list(TENANT, SuspenseStatus.OPEN, PageRequest.first()).items().get(1);

        Payment payment = queue.matchToCustomer(TENANT, unknown.id(), acme);

        assertThat(payment.customerId()).isEqualTo(acme);
        assertThat(payment.amount()).isEqualTo(eur("42.42"));
        assertThat(invoice(partlyPaid).open()).isEqualTo(eur("137.58"));
    }

    @Test
    void theSameStatementTwiceIsImportedOnce() {
        importAndWait(statement());
        long payments = count("payment");

        StatementImport again = importAndWait(statement());

        assertThat(again.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(List.of(again.linesRead(), again.matched(), again.suspended(), again.skipped(), again.duplicates()))
                .containsExactly(7L, 0L, 0L, 1L, 6L);
        assertThat(count("payment")).isEqualTo(payments);
        assertThat(count("suspense_item")).isEqualTo(2);
        assertThat(invoice(partlyPaid).open()).isEqualTo(eur("180.00"));
    }

    @Test
    void aNotificationAndTheDaysStatementOfTheSameMovementImportItOnce() {
        String entry = entry("NTRY-1", "100.00", "CRDT", "Acme GmbH", null, reference(byReference));
        importAndWait(camt("camt.054.001.02", "BkToCstmrDbtCdtNtfctn", "Ntfctn", "NOTIF-1", entry));

        StatementImport statement = importAndWait(camt("camt.053.001.02", "BkToCstmrStmt", "Stmt", "STMT-1",
                entry + entry("NTRY-9", "250.00", "CRDT", "Beta", "Invoice " + byNumber.number(), null)));

        assertThat(statement.duplicates()).isEqualTo(1);
        assertThat(statement.matched()).isEqualTo(1);
        assertThat(count("payment")).isEqualTo(2);
        assertThat(invoice(byReference).status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void aMalformedFileIsRejectedWithWhereItBreaksAndImportsNothing() {
        String badAmount = statement().replace("<Amt Ccy=\"EUR\">80.00</Amt>", "<Amt Ccy=\"EUR\">80,00</Amt>");

        StatementImport rejected = importAndWait(badAmount);

        assertThat(rejected.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(rejected.location()).isEqualTo("Stmt[1]/Ntry[3]/Amt");
        assertThat(rejected.problem()).contains("80,00");
        assertThat(rejected.linesRead()).isZero();
        assertThat(count("bank_statement_line")).isZero();
        assertThat(count("payment")).isZero();
        assertThat(invoice(byReference).status()).isEqualTo(InvoiceStatus.ISSUED);

        StatementImport broken = importAndWait(statement().replace("</Ntry>\n<Ntry><Amt Ccy=\"EUR\">42.42", "\n<Ntry><Amt Ccy=\"EUR\">42.42"));

        assertThat(broken.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(broken.location()).startsWith("line ");
        assertThat(broken.problem()).contains("not well-formed XML");
        assertThat(count("bank_statement_line")).isZero();
        assertThat(count("payment")).isZero();
    }

    @Test
    void whatIsNoStatementIsRefusedAndNothingStored() {
        assertRefused(() -> imports.start(TENANT, new ByteArrayInputStream(new byte[0])), "body");
        assertRefused(() -> imports.start(TENANT, new ByteArrayInputStream("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8))),
                "body");
        assertThat(count("bank_statement_import")).isZero();
        assertThat(imports.find(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void anMt940StatementGoesThroughTheSameImport() {
        String mt940 = String.join("\r\n", ":20:MT940-1", ":25:" + ACCOUNT, ":28C:00001/001", ":60F:C260310EUR1000,00",
                ":61:2603120312C250,00NTRFNONREF//BANKREF-1", ":86:Beta Ltd Invoice " + byNumber.number(),
                ":61:2603120312C12,34NTRFNONREF//BANKREF-2", ":86:something else",
                ":61:2603120312D5,00NCHGNONREF//BANKREF-3", ":86:fees",
                ":62F:C260312EUR1257,34", "-");

        StatementImport done = importAndWait(mt940);

        assertThat(done.format()).isEqualTo("mt940");
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(List.of(done.linesRead(), done.matched(), done.suspended(), done.skipped()))
                .containsExactly(3L, 1L, 1L, 1L);
        assertThat(invoice(byNumber).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(importAndWait(mt940).duplicates()).isEqualTo(2);
    }

    @Test
    void theThresholdDecidesWhatIsBookedWithoutAClerk() {
        imports.configure(configuration(70));

        StatementImport done = importAndWait(statement());

        assertThat(done.matched()).isEqualTo(5);
        assertThat(invoice(byAmountAndPayer).status()).isEqualTo(InvoiceStatus.PAID);
        assertThatThrownBy(() -> imports.configure(configuration(101))).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * One camt.053 with: the creditor reference of one invoice, the number of another in the text, the open
     * amount of a third from its customer, a part of a fourth, more than a fifth, a line nobody can place,
     * and a debit.
     */
    private String statement() {
        return camt("camt.053.001.02", "BkToCstmrStmt", "Stmt", "STMT-1",
                entry("NTRY-1", "100.00", "CRDT", "Acme GmbH", null, reference(byReference))
                + entry("NTRY-2", "250.00", "CRDT", "Beta Ltd", "Payment of invoice " + byNumber.number() + ", thanks", null)
                + entry("NTRY-3", "80.00", "CRDT", "GAMMA AG", "March", null)
                + entry("NTRY-4", "120.00", "CRDT", "Acme GmbH", "first part " + reference(partlyPaid)
                        .replaceAll("(.{4})", "$1 ").strip(), null)
                + entry("NTRY-5", "60.00", "CRDT", "Beta Ltd", "inv " + overpaid.number().replace("-", " "), null)
                + entry("NTRY-6", "42.42", "CRDT", "Unknown Person", "gift", null)
                + entry("NTRY-7", "15.00", "DBIT", "Bank", "fees", null));
    }

    private static String camt(String version, String message, String record, String id, String entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:" + version
                + "\">\n<" + message + "><GrpHdr><MsgId>M-" + id + "</MsgId></GrpHdr>\n<" + record + "><Id>" + id
                + "</Id><Acct><Id><IBAN>" + ACCOUNT + "</IBAN></Id><Ccy>EUR</Ccy></Acct>\n" + entries + "</" + record
                + "></" + message + "></Document>\n";
    }

    private static String entry(String bankReference, String amount, String direction, String payer, String text,
            String creditorReference) {
        return "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>" + direction + "</CdtDbtInd><Sts>BOOK</Sts>"
                + "<BookgDt><Dt>" + ISSUED.plusDays(10) + "</Dt></BookgDt><ValDt><Dt>" + ISSUED.plusDays(10)
                + "</Dt></ValDt><AcctSvcrRef>" + bankReference + "</AcctSvcrRef><NtryDtls><TxDtls>"
                + "<RltdPties><" + ("CRDT".equals(direction) ? "Dbtr" : "Cdtr") + "><Nm>" + payer + "</Nm></"
                + ("CRDT".equals(direction) ? "Dbtr" : "Cdtr") + "></RltdPties><RmtInf>"
                + (text == null ? "" : "<Ustrd>" + text + "</Ustrd>")
                + (creditorReference == null ? "" : "<Strd><CdtrRefInf><Ref>" + creditorReference + "</Ref></CdtrRefInf></Strd>")
                + "</RmtInf></TxDtls></NtryDtls></Ntry>\n";
    }

    private StatementImport importAndWait(String file) {
        StatementImport started = imports.start(TENANT, new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        assertThat(started.status()).isEqualTo(ImportStatus.RUNNING);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            StatementImport now = imports.find(TENANT, started.id()).orElseThrow();
            if (now.status() != ImportStatus.RUNNING) {
                assertThat(now.finishedAt()).isNotNull();
                return now;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("import " + started.id() + " did not finish in time");
    }

    private Payment paymentFor(String bankReference) {
        UUID id = database.inTransaction(TENANT, session -> receivables.impl.persistence.internal.NativeValues.uuid(
                session.createNativeQuery("select payment_id, bank_reference from bank_statement_line"
                        + " where bank_reference = :reference", Object[].class)
                        .setParameter("reference", bankReference).getSingleResult()[0]));
        return payments.find(TENANT, id).orElseThrow();
    }

    private long count(String table) {
        return database.inTransaction(TENANT, session -> session.createNativeQuery("select count(*) from " + table,
                Long.class).getSingleResult().longValue());
    }

    private static String reference(Invoice invoice) {
        return CreditorReference.ofInvoiceNumber(invoice.number()).orElseThrow().value();
    }

    private Invoice invoice(Invoice invoice) {
        return invoices.find(TENANT, invoice.id()).orElseThrow();
    }

    private Invoice issue(String orderId, UUID customer, String net) {
        SalesOrder order = new SalesOrder(orderId, customer, "EUR", ISSUED, null,
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal(net), null, null)));
        return invoices.issue(TENANT, invoices.createFromOrder(TENANT, order).id(), ISSUED);
    }

    private UUID customer(String name) {
        return customers.create(TENANT, CustomerDetails.of(null, name, null, null, "EUR")).id();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static ReconciliationConfiguration configuration(int threshold) {
        return new ReconciliationConfiguration() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return ReconciliationConfiguration.class;
            }

            @Override
            public int matchThreshold() {
                return threshold;
            }
        };
    }
}
