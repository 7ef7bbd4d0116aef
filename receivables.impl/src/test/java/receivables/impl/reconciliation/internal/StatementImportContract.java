package receivables.impl.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.ConflictException;
import receivables.api.NotFoundException;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.intent.IntentRequest;
import receivables.api.intent.IntentStatus;
import receivables.api.intent.IntentTransition;
import receivables.api.intent.PaymentIntent;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.Payment;
import receivables.api.statement.CreditorReference;
import receivables.api.statement.Direction;
import receivables.api.statement.ImportNote;
import receivables.api.statement.ImportStatus;
import receivables.api.statement.ImportedStatement;
import receivables.api.statement.MatchCandidate;
import receivables.api.statement.StatementImport;
import receivables.api.statement.StatementLine;
import receivables.api.statement.SuspenseItem;
import receivables.api.statement.SuspenseStatus;
import receivables.impl.customer.internal.PayerNames;
import receivables.impl.intent.internal.StoredPaymentIntents;
import receivables.impl.ledger.OnLedger;
import receivables.impl.persistence.internal.TableStatistics;

/**
 * Statement import and matching on every database we support, through the real camt.053 and MT940 readers:
 * what is booked, what waits in the suspense queue, what a clerk does with it, and that nothing is imported
 * twice or from a malformed file.
 */
abstract class StatementImportContract extends OnLedger {

    static final TenantId TENANT = new TenantId("bank");
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);
    static final String ACCOUNT = "DE89370400440532013000";
    static final int MANY = 300;
    static final Path REAL_EXPORTS = Path.of("../receivables.payments.bank/src/test/resources/real-exports");

    private ImportNode node;
    private BackgroundStatementImports imports;
    private StoredSuspenseQueue queue;
    private StoredPaymentIntents intents;
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
        intents = TestImports.bankTransferIntents(database, payments, TENANT);
        node = ImportNode.start(database, payments, intents, new TableStatistics(database), 80,
                BankStatementReaders.all());
        imports = node.imports();
        queue = TestImports.queue(database, payments, intents);
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
        if (node != null) {
            node.close();
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
        imports.configure(ImportNode.configuration(70));

        StatementImport done = importAndWait(statement());

        assertThat(done.matched()).isEqualTo(5);
        assertThat(invoice(byAmountAndPayer).status()).isEqualTo(InvoiceStatus.PAID);
        assertThatThrownBy(() -> imports.configure(ImportNode.configuration(101))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBookedLineSettlesTheBankTransferIntentWaitingForItsInvoiceAndNothingIsBookedTwice() {
        PaymentIntent intent = intents.create(TENANT, transfer("transfer-1", byReference));
        assertThat(intent.status()).isEqualTo(IntentStatus.PENDING);

        importAndWait(statement());
        importAndWait(statement());

        PaymentIntent settled = intents.find(TENANT, intent.id()).orElseThrow();
        assertThat(settled.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(settled.paymentId()).isEqualTo(paymentFor("NTRY-1").id());
        assertThat(settled.history()).extracting(IntentTransition::to)
                .containsExactly(IntentStatus.CREATED, IntentStatus.PENDING, IntentStatus.SUCCEEDED);
        assertThat(count("payment")).isEqualTo(4);
        assertThat(invoice(byReference).open()).isEqualTo(eur("0.00"));
    }

    @Test
    void anIntentCanceledWhileTheMoneyWasOnItsWayIsSettledAndSoIsOneAClerkMatches() {
        PaymentIntent canceled = intents.create(TENANT, transfer("transfer-2", byReference));
        intents.cancel(TENANT, canceled.id());
        PaymentIntent waiting = intents.create(TENANT, transfer("transfer-3", byAmountAndPayer));

        importAndWait(statement());

        PaymentIntent late = intents.find(TENANT, canceled.id()).orElseThrow();
        assertThat(late.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(late.paymentId()).isEqualTo(paymentFor("NTRY-1").id());
        assertThat(late.history().get(late.history().size() - 1).detail()).contains("after the intent was CANCELED");
        assertThat(intents.find(TENANT, waiting.id()).orElseThrow().status()).isEqualTo(IntentStatus.PENDING);

        SuspenseItem gammas = queue.list(TENANT, SuspenseStatus.OPEN, PageRequest.first()).items().get(0);
        Payment payment = queue.matchToInvoice(TENANT, gammas.id(), byAmountAndPayer.id());

        assertThat(intents.find(TENANT, waiting.id()).orElseThrow()).satisfies(matched -> {
            assertThat(matched.status()).isEqualTo(IntentStatus.SUCCEEDED);
            assertThat(matched.paymentId()).isEqualTo(payment.id());
        });
        assertThat(count("payment")).isEqualTo(5);
    }

    @Test
    void aLineThatPaidTheInvoiceFirstLeavesNoIntentToOpenForIt() {
        importAndWait(statement());

        assertRefused(() -> intents.create(TENANT, transfer("transfer-4", byReference)), "invoiceId");
        assertThat(count("payment_intent")).isZero();
    }

    @Test
    void sepaKeywordsCutAcrossSubfieldsStillNameTheInvoiceThatIsPaid() throws Exception {
        Invoice invoice = issue("SO-SPLIT", beta, "311.59");
        String number = invoice.number();
        // the bank cut the purpose inside the keyword SVWZ+ and inside the invoice number
        String file = realExport("sepa-keywords-split.sta").replace("INV-2026-0000?2442",
                number.substring(0, number.length() - 2) + "?24" + number.substring(number.length() - 2));

        StatementImport done = importAndWait(file);

        assertThat(done.matched()).isEqualTo(1);
        assertThat(invoice(invoice).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(done.notes()).isEmpty();
    }

    @Test
    void warningsAreKeptWithTheImportAndTheLinesImported() throws Exception {
        StatementImport done = importAndWait(realExport("blank-entry-date-and-type-code.sta")
                + realExport("impossible-dates.sta"));

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.linesRead()).isEqualTo(3);
        assertThat(done.notes()).extracting(ImportNote::kind).containsOnly(ImportNote.Kind.WARNING);
        assertThat(done.notes()).extracting(ImportNote::location)
                .containsExactly("line 5", "line 7", "line 15", "line 15", "line 17");
        assertThat(done.notes().get(2).message()).contains("2024-02-29");
        assertThat(imports.list(TENANT, PageRequest.first()).items().get(0).notes()).isEqualTo(done.notes());
    }

    @Test
    void aLineWithAnAbsurdAmountIsRejectedByNameAndTheRestImported() {
        String mt940 = String.join("\r\n", ":20:ABSURD", ":25:" + ACCOUNT, ":28C:00001/001", ":60F:C260310EUR0,00",
                ":61:2603120312C250,00NTRFNONREF//BANKREF-A1", ":86:Beta Ltd Invoice " + byNumber.number(),
                ":61:2603120312C1000000000000000,00NTRFNONREF//BANKREF-A2", ":86:Invoice " + byReference.number(),
                ":61:2603120312C99999999999999999999999,00NTRFNONREF//BANKREF-A3", ":86:nonsense",
                ":62F:C260312EUR99999999999999999999999,00", "-");

        StatementImport done = importAndWait(mt940);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(List.of(done.linesRead(), done.matched(), done.rejected())).containsExactly(3L, 1L, 2L);
        assertThat(done.notes()).extracting(ImportNote::kind, ImportNote::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ImportNote.Kind.LINE_REJECTED, "statement ABSURD line 2"),
                org.assertj.core.groups.Tuple.tuple(ImportNote.Kind.LINE_REJECTED, "statement ABSURD line 3"),
                org.assertj.core.groups.Tuple.tuple(ImportNote.Kind.WARNING, "statement 1"));
        assertThat(done.notes().get(0).message()).contains("1000000000000000.00 EUR").contains("must be less than 1000000000000000 in magnitude");
        assertThat(invoice(byNumber).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice(byReference).status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(imports.statements(TENANT, done.id(), PageRequest.first()).items()).singleElement()
                .satisfies(statement -> {
                    assertThat(statement.openingBalance()).isEqualTo(eur("0.00"));
                    assertThat(statement.closingBalance()).isNull();
                });
    }

    @Test
    void eachStatementIsKeptWithItsOpeningAndClosingBalance() {
        String mt940 = String.join("\r\n", ":20:DAY-1", ":25:" + ACCOUNT, ":28C:00001/001", ":60F:D260310EUR100,00",
                ":61:2603110311C250,00NTRFNONREF//BANKREF-B1", ":86:Invoice " + byNumber.number(),
                ":62F:C260311EUR150,00", "-", ":20:DAY-2", ":25:" + ACCOUNT, ":28C:00002/001", ":60F:C260311EUR150,00",
                ":62F:C260312EUR150,00", "-");

        StatementImport done = importAndWait(mt940);
        List<ImportedStatement> statements = imports.statements(TENANT, done.id(), PageRequest.first()).items();

        assertThat(statements).extracting(ImportedStatement::number, ImportedStatement::statementId,
                        ImportedStatement::openingBalance, ImportedStatement::closingBalance, ImportedStatement::lines)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "DAY-1", eur("-100.00"), eur("150.00"), 1L),
                        org.assertj.core.groups.Tuple.tuple(2, "DAY-2", eur("150.00"), eur("150.00"), 0L));
        assertThat(statements.get(0)).satisfies(statement -> {
            assertThat(statement.account()).isEqualTo(ACCOUNT);
            assertThat(statement.currency()).isEqualTo("EUR");
            assertThat(statement.from()).isEqualTo(LocalDate.of(2026, 3, 10));
            assertThat(statement.to()).isEqualTo(LocalDate.of(2026, 3, 11));
            assertThat(statement.interim()).isFalse();
        });
        assertThat(imports.statements(TENANT, done.id(), new PageRequest(1, 1)).items())
                .extracting(ImportedStatement::statementId).containsExactly("DAY-2");
        assertThatThrownBy(() -> imports.statements(TENANT, UUID.randomUUID(), PageRequest.first()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void importsAreListedNewestFirst() {
        StatementImport first = importAndWait(statement());
        StatementImport second = importAndWait(statement());

        assertThat(imports.list(TENANT, PageRequest.first()).items()).extracting(StatementImport::id)
                .containsExactly(second.id(), first.id());
        assertThat(imports.list(TENANT, new PageRequest(1, 1))).satisfies(page -> {
            assertThat(page.items()).extracting(StatementImport::id).containsExactly(first.id());
            assertThat(page.totalItems()).isEqualTo(2);
        });
        assertThat(imports.list(new TenantId("other"), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void anInterimReportBooksWhatTheStatementRecognisesAndAnnouncesTheRest() throws Exception {
        Invoice invoice = issue("SO-INTERIM", beta, "311.59");
        String interim = realExport("mt942-interim.sta").replace("INV-2026-000042", invoice.number());
        String statement = realExport("mt940-after-interim.sta").replace("INV-2026-000042", invoice.number());

        StatementImport announced = importAndWait(interim);

        assertThat(announced.format()).isEqualTo("mt942");
        assertThat(List.of(announced.linesRead(), announced.matched(), announced.announced(), announced.suspended()))
                .containsExactly(2L, 1L, 1L, 0L);
        assertThat(invoice(invoice).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(imports.statements(TENANT, announced.id(), PageRequest.first()).items()).singleElement()
                .satisfies(report -> {
                    assertThat(report.interim()).isTrue();
                    assertThat(report.openingBalance()).isNull();
                    assertThat(report.lines()).isEqualTo(2);
                });

        StatementImport booked = importAndWait(statement);

        assertThat(List.of(booked.linesRead(), booked.matched(), booked.duplicates(), booked.suspended()))
                .containsExactly(2L, 0L, 1L, 1L);
        assertThat(count("payment")).isEqualTo(1);
        assertThat(importAndWait(statement).duplicates()).isEqualTo(2);
        assertThat(importAndWait(interim).duplicates()).isEqualTo(1);
        assertThat(count("payment")).isEqualTo(1);
        assertThat(count("suspense_item")).isEqualTo(1);
    }

    @Test
    void aCamt052IntradayReportAndTheDaysCamt053BookTheMovementOnce() throws Exception {
        Invoice invoice = issue("SO-INTRADAY", beta, "311.59");
        String intraday = realExport("camt052-intraday.xml").replace("INV-2026-000042", invoice.number());

        StatementImport announced = importAndWait(intraday);
        StatementImport statement = importAndWait(camt("camt.053.001.02", "BkToCstmrStmt", "Stmt", "STMT-0105",
                entry("BANKREF-0007", "311.59", "CRDT", "Muster GmbH", "Rechnung " + invoice.number(), null)));

        assertThat(announced.format()).isEqualTo("camt.052");
        assertThat(announced.matched()).isEqualTo(1);
        assertThat(statement.duplicates()).isEqualTo(1);
        assertThat(count("payment")).isEqualTo(1);
        assertThat(invoice(invoice).status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void textFromCentralEuropeanBanksIsStoredAsTheyMeantItAndNeverAsControlCharacters() throws Exception {
        importAndWait(Files.readAllBytes(REAL_EXPORTS.resolve("cp852.sta")));
        importAndWait(Files.readAllBytes(REAL_EXPORTS.resolve("control-characters.sta")));

        List<String> texts = database.inTransaction(TENANT, session -> session.createNativeQuery(
                "select remittance_text from bank_statement_line order by amount desc", String.class).getResultList());
        assertThat(texts).containsExactly("Zapłata za fakturę INV-2026-000007", "Zahlung\uFFFD INV-2026-000008\uFFFD");
        assertThat(String.join("", texts).chars()).noneMatch(Character::isISOControl);
    }

    @Test
    void aPayerWhoseIbanIsItsCustomersIsThatCustomerAndNeitherNameNorIbanIsStoredInClear() {
        UUID delta = customers.create(TENANT, new CustomerRequest(null, "Delta KG", null, null, "EUR", null, null, null,
                null, null, null, null, null, null, "DE02 1203 0000 0000 2020 51")).id();
        Invoice deltas = issue("SO-6", delta, "77.00");
        Invoice betas = issue("SO-7", beta, "77.00");
        imports.configure(ImportNode.configuration(LineMatching.BY_AMOUNT_AND_PAYER));

        StatementImport done = importAndWait(camt("camt.053.001.02", "BkToCstmrStmt", "Stmt", "STMT-P",
                entryFrom("de02 1203 0000 0000 2020 51", "NTRY-P1", "77.00", "Herr Privatmann", "March")
                + entryFrom("DE021203 00000000202051", "NTRY-P2", "12.34", "Herr Privatmann", "tip")));

        assertThat(List.of(done.matched(), done.suspended())).containsExactly(1L, 1L);
        assertThat(paymentFor("NTRY-P1").customerId()).isEqualTo(delta);
        assertThat(invoice(deltas).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice(betas).status()).isEqualTo(InvoiceStatus.ISSUED);
        SuspenseItem tip = queue.list(TENANT, SuspenseStatus.OPEN, PageRequest.first()).items().get(0);
        assertThat(tip.line().counterpartyName()).isEqualTo("Herr Privatmann");
        assertThat(tip.line().counterpartyIban()).isEqualToIgnoringWhitespace("DE02120300000000202051");
        assertThat(tip.candidates()).extracting(MatchCandidate::customerId, MatchCandidate::confidence,
                MatchCandidate::reason).containsExactly(org.assertj.core.groups.Tuple.tuple(delta,
                        LineMatching.PAYER_ONLY, "the payer is this customer (IBAN)"));
        List<Object[]> stored = database.inTransaction(TENANT, session -> session.createNativeQuery(
                "select counterparty_name, counterparty_iban, counterparty_iban_index from bank_statement_line"
                        + " order by amount", Object[].class).getResultList());
        String customersIndex = database.inTransaction(TENANT, session -> session.createNativeQuery(
                "select iban_index from customer_account where id = :id", String.class).setParameter("id", delta)
                .getSingleResult());
        assertThat(stored).hasSize(2).allSatisfy(row -> {
            assertThat(String.join("|", (String) row[0], (String) row[1])).doesNotContainIgnoringCase("Privatmann")
                    .doesNotContain("2020", "DE02", "de02").startsWith("pd1:");
            assertThat(row[2]).isEqualTo(customersIndex);
        });

        Payment booked = queue.matchToCustomer(TENANT, tip.id(), delta);

        assertThat(booked.customerId()).isEqualTo(delta);
        assertThat(queue.find(TENANT, tip.id()).orElseThrow().line().counterpartyName()).isEqualTo("Herr Privatmann");
    }

    @Test
    void aPayerIbanSeenOnALineBookedToACustomerNamesThatCustomerInWhateverSpelling() {
        imports.configure(ImportNode.configuration(LineMatching.BY_AMOUNT_AND_PAYER));
        importAndWait(camt("camt.053.001.02", "BkToCstmrStmt", "Stmt", "STMT-Q",
                entryFrom("GB82 WEST 1234 5698 7654 32", "NTRY-Q1", "5.00", "Someone", "first")));
        SuspenseItem first = queue.list(TENANT, SuspenseStatus.OPEN, PageRequest.first()).items().get(0);
        queue.matchToCustomer(TENANT, first.id(), gamma);
        assertThat(invoice(byAmountAndPayer).open()).isEqualTo(eur("75.00"));

        StatementImport again = importAndWait(camt("camt.053.001.02", "BkToCstmrStmt", "Stmt", "STMT-R",
                entryFrom("gb82west12345698765432", "NTRY-R1", "75.00", "Someone", "again")));

        assertThat(again.matched()).isEqualTo(1);
        assertThat(paymentFor("NTRY-R1").customerId()).isEqualTo(gamma);
        assertThat(invoice(byAmountAndPayer).status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void linesStoredInClearBeforeAreSealedByTheMigration() throws Exception {
        UUID id = UUID.randomUUID();
        afterMigrationFrom("29", connection -> {
            try (var insert = connection.prepareStatement("insert into bank_statement_line (tenant_id, id, line_key,"
                    + " import_id, sequence_number, currency, amount, counterparty_name, counterparty_iban, reversal,"
                    + " outcome, confidence) values ('bank', ?, 'k1', ?, 1, 'EUR', 1, 'Old Payer',"
                    + " 'de02 1203 0000 0000 2020 51', false, 'SUSPENDED', 0)")) {
                insert.setObject(1, id);
                insert.setObject(2, UUID.randomUUID());
                insert.executeUpdate();
            }
        }, migrated -> {
            var keys = receivables.impl.persistence.internal.TestDatabases.personalDataKeys(migrated);
            Object[] row = migrated.inTransaction(TENANT, session -> session.createNativeQuery("select counterparty_name,"
                    + " counterparty_iban, counterparty_iban_index from bank_statement_line where id = :id",
                    Object[].class).setParameter("id", id).getSingleResult());
            var cipher = migrated.inTransaction(TENANT, session -> keys.cipher(session));

            assertThat(String.join("|", (String) row[0], (String) row[1])).doesNotContain("Old Payer", "2020");
            assertThat(cipher.open((String) row[0])).isEqualTo("Old Payer");
            assertThat(cipher.open((String) row[1])).isEqualTo("de02 1203 0000 0000 2020 51");
            assertThat(row[2]).isEqualTo(cipher.ibanIndex("DE02120300000000202051"));
        });
    }

    @Test
    void aBatchFetchesOnlyTheInvoicesItsLinesCanMatchAndMatchesAsAgainstAllOpenInvoices() {
        UUID delta = customer("Delta KG");
        List<SalesOrder> orders = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            orders.add(new SalesOrder("SO-MANY-" + i, i % 3 == 0 ? delta : gamma, "EUR", ISSUED, null, List.of(
                    new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal(i % 2 == 0 ? "7.00" : 1000 + i + ".00"),
                            null, null))));
        }
        invoices.invoiceAndIssue(TENANT, orders, ISSUED);
        List<StatementLine> lines = List.of(
                line("100.00", reference(byReference), null, "Acme GmbH"),
                line("250.00", null, "Payment of invoice " + byNumber.number() + ", thanks", "Beta Ltd"),
                line("80.00", null, "March", "GAMMA AG"),
                line("60.00", null, "inv " + overpaid.number().replace("-", " "), "Beta Ltd"),
                line("7.00", null, "gift", "Unknown Person"),
                line("7.00", null, "rent", "DELTA KG"),
                line("1001.00", null, null, null),
                line("42.42", null, "gift", "Unknown Person"));

        database.inTransaction(TENANT, session -> {
            OpenInvoices batch = OpenInvoices.forLines(session, TENANT, lines, Set.of());
            OpenInvoices all = allOpenInvoices(session);

            assertThat(all.size()).isEqualTo(MANY + 5);
            // the three named, the ones of the payers' amounts, 20 of the 7.00 of anyone and 20 of Delta's, one 1001.00
            assertThat(batch.size()).isLessThanOrEqualTo(3 + 2 + 2 * OpenInvoices.SAME_AMOUNT_FETCHED + 1);
            assertThat(batch.countWithOpenAmount(eur("7.00"))).isEqualTo(MANY / 2);
            for (StatementLine line : lines) {
                LineMatch fromBatch = LineMatching.match(line, batch, Set.of());
                LineMatch fromAll = LineMatching.match(line, all, Set.of());
                assertThat(fromBatch).as(line.remittanceText() + " " + line.amount()).isEqualTo(fromAll);
            }
            assertThat(LineMatching.match(lines.get(6), batch, Set.of()).confidence())
                    .isEqualTo(LineMatching.BY_AMOUNT_ALONE);
            assertThat(LineMatching.match(lines.get(5), batch, Set.of()).candidates()).hasSize(3)
                    .allMatch(candidate -> delta.equals(candidate.customerId()));
            return null;
        });
    }

    @Test
    void invoicesAndCustomersWrittenBeforeGetTheirMatchingKeysFromTheMigration() throws Exception {
        UUID customer = UUID.randomUUID();
        afterMigrationFrom("44", connection -> {
            try (var insert = connection.prepareStatement("insert into customer_account (tenant_id, id, name,"
                    + " currency, version, created_at, updated_at) values ('bank', ?, 'MÜLLER & Söhne GmbH', 'EUR', 0,"
                    + " current_timestamp, current_timestamp)")) {
                insert.setObject(1, customer);
                insert.executeUpdate();
            }
            try (var insert = connection.prepareStatement("insert into invoice (tenant_id, id, invoice_number,"
                    + " order_id, customer_id, currency, status, terms_code, order_date, issue_date, due_date,"
                    + " net_amount, tax_amount, gross_amount, open_amount, version, created_at, updated_at) values"
                    + " ('bank', ?, 'Straße/2026-17', 'SO-OLD', ?, 'EUR', 'ISSUED', 'NET30', date '2026-03-01',"
                    + " date '2026-03-02', date '2026-04-01', 10, 0, 10, 10, 0, current_timestamp,"
                    + " current_timestamp)")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, customer);
                insert.executeUpdate();
            }
        }, migrated -> {
            Object[] keys = migrated.inTransaction(TENANT, session -> session.createNativeQuery("select c.name_key,"
                    + " i.number_key from customer_account c join invoice i on i.customer_id = c.id", Object[].class)
                    .getSingleResult());

            assertThat(keys).containsExactly(PayerNames.canonical("Muller Sohne"), "STRASSE202617");
        });
    }

    /**
     * A database migrated up to {@code version}, given {@code rows} there, then migrated to the latest version and
     * handed to {@code check}; removed afterwards.
     */
    private void afterMigrationFrom(String version, receivables.impl.persistence.internal.TestDatabases.SqlWork rows,
            MigratedCheck check) throws Exception {
        String schema = testDatabase().postgres() ? receivables.impl.persistence.internal.TestDatabases.createPostgresSchema()
                : null;
        receivables.impl.persistence.internal.HibernateDatabase migrated = null;
        try {
            migrated = receivables.impl.persistence.internal.TestDatabases.startedAfter(schema, version, rows);
            check.accept(migrated);
        } finally {
            if (migrated != null) {
                receivables.impl.persistence.internal.TestDatabases.stop(migrated);
            }
            if (schema != null) {
                receivables.impl.persistence.internal.TestDatabases.dropPostgresSchema(schema);
            }
        }
    }

    private interface MigratedCheck {
        void accept(receivables.impl.persistence.internal.HibernateDatabase migrated) throws Exception;
    }

    /** Every open invoice of the tenant and every customer's name, as the import held them before it looked up per batch. */
    private static OpenInvoices allOpenInvoices(org.hibernate.Session session) {
        OpenInvoices all = new OpenInvoices();
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        java.util.Map<UUID, Integer> openInvoices = new java.util.HashMap<>();
        receivables.impl.persistence.internal.NativeRow.list(session.createNativeQuery("select i.id, i.invoice_number,"
                        + " i.customer_id, c.name, i.currency, i.open_amount from invoice i join customer_account c"
                        + " on c.tenant_id = i.tenant_id and c.id = i.customer_id where i.tenant_id = :tenant"
                        + " and i.status in ('ISSUED', 'PARTIALLY_PAID') and i.open_amount > 0", jakarta.persistence.Tuple.class)
                .setParameter("tenant", TENANT.value()))
                .forEach(row -> {
                    all.add(new OpenInvoice(row.uuid("id"), row.text("invoice_number"), row.uuid("customer_id"),
                            row.money("currency", "open_amount")));
                    names.put(row.uuid("customer_id"), row.text("name"));
                    openInvoices.merge(row.uuid("customer_id"), 1, Integer::sum);
                });
        names.forEach((customer, name) -> all.customerNamed(customer, name, openInvoices.get(customer)));
        return all;
    }

    private static StatementLine line(String amount, String reference, String text, String payer) {
        return new StatementLine("S", 1, ISSUED.plusDays(10), null, eur(amount), Direction.CREDIT, null, reference, text,
                payer, null, null, false);
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

    static String camt(String version, String message, String record, String id, String entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:" + version
                + "\">\n<" + message + "><GrpHdr><MsgId>M-" + id + "</MsgId></GrpHdr>\n<" + record + "><Id>" + id
                + "</Id><Acct><Id><IBAN>" + ACCOUNT + "</IBAN></Id><Ccy>EUR</Ccy></Acct>\n" + entries + "</" + record
                + "></" + message + "></Document>\n";
    }

    private static String entry(String bankReference, String amount, String direction, String payer, String text,
            String creditorReference) {
        return entry(bankReference, amount, direction, payer, text, creditorReference, ISSUED.plusDays(10));
    }

    /** An entry booked and valued on {@code day}. */
    static String entry(String bankReference, String amount, String direction, String payer, String text,
            String creditorReference, LocalDate day) {
        return "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>" + direction + "</CdtDbtInd><Sts>BOOK</Sts>"
                + "<BookgDt><Dt>" + day + "</Dt></BookgDt><ValDt><Dt>" + day
                + "</Dt></ValDt><AcctSvcrRef>" + bankReference + "</AcctSvcrRef><NtryDtls><TxDtls>"
                + "<RltdPties><" + ("CRDT".equals(direction) ? "Dbtr" : "Cdtr") + "><Nm>" + payer + "</Nm></"
                + ("CRDT".equals(direction) ? "Dbtr" : "Cdtr") + "></RltdPties><RmtInf>"
                + (text == null ? "" : "<Ustrd>" + text + "</Ustrd>")
                + (creditorReference == null ? "" : "<Strd><CdtrRefInf><Ref>" + creditorReference + "</Ref></CdtrRefInf></Strd>")
                + "</RmtInf></TxDtls></NtryDtls></Ntry>\n";
    }

    /** A credit line whose payer's account is {@code iban}, as the bank spelled it. */
    private static String entryFrom(String iban, String bankReference, String amount, String payer, String text) {
        return entry(bankReference, amount, "CRDT", payer, text, null).replace("</Dbtr>",
                "</Dbtr><DbtrAcct><Id><IBAN>" + iban + "</IBAN></Id></DbtrAcct>");
    }

    /** One of the files of the bank bundle's {@code real-exports} tests, as text. */
    static String realExport(String name) throws IOException {
        return Files.readString(REAL_EXPORTS.resolve(name), StandardCharsets.UTF_8);
    }

    StatementImport importAndWait(String file) {
        return importAndWait(file.getBytes(StandardCharsets.UTF_8));
    }

    StatementImport importAndWait(byte[] file) {
        StatementImport started = imports.start(TENANT, new ByteArrayInputStream(file));
        assertThat(started.status()).isEqualTo(ImportStatus.RUNNING);
        StatementImport done = TestImports.ended(imports, TENANT, started);
        assertThat(done.finishedAt()).isNotNull();
        return done;
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

    private static IntentRequest transfer(String key, Invoice invoice) {
        return new IntentRequest(key, invoice.id(), "bank-transfer", null, null);
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
        return customers.create(TENANT, CustomerRequest.of(null, name, null, null, "EUR")).id();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
