package receivables.impl.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import receivables.impl.approval.internal.FourEyesFixture;
import receivables.api.ConflictException;
import receivables.impl.event.internal.BusinessEvents;

import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.credit.CreditNote;
import receivables.api.credit.CreditNoteRequest;
import receivables.api.credit.SettledInstallment;
import receivables.api.credit.WriteOff;
import receivables.api.credit.WriteOffKind;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.Installment;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.journal.Account;
import receivables.api.journal.JournalEntry;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRequest;
import receivables.api.report.CustomerStatement;
import receivables.api.report.OpenItem;
import receivables.api.report.StatementMovement;
import receivables.impl.ledger.OnLedger;
import receivables.impl.persistence.internal.AtOnce;
import receivables.impl.report.internal.SqlCustomerStatements;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TestTenants;

/**
 * Credit notes and write-offs on every database we support: what they take off which installment, what
 * they journal, how they number, what they refuse, and that aging and open items count them.
 */
abstract class CreditNotesAndWriteOffsContract extends OnLedger {

    static final TenantId TENANT = new TenantId("credits");
    static final TenantId OTHER = new TenantId("other");
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);

    @Test
    void aFullCreditNoteCancelsAnUnpaidInvoiceAndReversesRevenueAndTaxExactly() {
        UUID customer = customer(TENANT, "Returns AG");
        // Two tax rates: net 167.97, tax 18.95, gross 186.92.
        Invoice invoice = issue(TENANT, new SalesOrder("SO-FULL", customer, "EUR", ISSUED, null, List.of(
                new OrderLine("WIDGET", null, new BigDecimal("3"), new BigDecimal("19.99"), null, new BigDecimal("19")),
                new OrderLine("SERVICE", null, new BigDecimal("1.5"), new BigDecimal("80.00"), new BigDecimal("10"),
                        new BigDecimal("7")))));

        CreditNote note = creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(null, "order returned",
                ISSUED.plusDays(3)));

        assertThat(note.full()).isTrue();
        assertThat(note.amount()).isEqualTo(eur("186.92"));
        assertThat(note.invoiceNumber()).isEqualTo(invoice.number());
        Invoice canceled = invoices.find(TENANT, invoice.id()).orElseThrow();
        assertThat(canceled.status()).isEqualTo(InvoiceStatus.CANCELED);
        assertThat(canceled.open()).isEqualTo(eur("0.00"));
        assertThat(canceled.installments()).extracting(Installment::open).containsOnly(eur("0.00"));
        assertThat(journal.entriesFor(TENANT, note.number())).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(JournalEntryKind.CREDIT_NOTE_ISSUED);
            assertThat(entry.lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                    JournalLine.debit(Account.REVENUE, eur("167.97")),
                    JournalLine.debit(Account.TAX_PAYABLE, eur("18.95")),
                    JournalLine.credit(Account.RECEIVABLE, eur("186.92")));
        });
        assertThat(aging.report(TENANT, ISSUED.plusYears(1), List.of()).rows()).isEmpty();
        assertThat(aging.report(TENANT, ISSUED.plusDays(1), List.of()).rows()).singleElement()
                .satisfies(row -> assertThat(row.total()).isEqualTo(eur("186.92")));
        assertThatThrownBy(() -> creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(null, "again", ISSUED)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("canceled");
        assertThat(payments.record(TENANT, payment("after-cancel", customer, "10.00")).unallocated()).isEqualTo(eur("10.00"));
    }

    @Test
    void aRetriedCreditNoteUnderTheSameKeyCreditsOnce() {
        UUID customer = customer(TENANT, "Retry Ltd");
        Invoice invoice = issued("SO-RETRY-CN", customer, "100.00");
        CreditNoteRequest request = new CreditNoteRequest(eur("19.00"), "one returned", ISSUED);

        CreditNote first = creditNotes.issue(TENANT, invoice.id(), request, "cn-key-1");
        CreditNote again = creditNotes.issue(TENANT, invoice.id(), request, "cn-key-1");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(creditNotes.forInvoice(TENANT, invoice.id())).hasSize(1);
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().open()).isEqualTo(eur("100.00"));
        assertThatThrownBy(() -> creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(eur("5.00"), "other", ISSUED),
                "cn-key-1")).isInstanceOf(ConflictException.class);
        assertThat(creditNotes.issue(TENANT, invoice.id(), request, "cn-key-2").id()).isNotEqualTo(first.id());
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().open()).isEqualTo(eur("81.00"));
    }

    @Test
    void partialCreditNotesAddUpToTheInvoicesRevenueAndTaxWhenTheyCreditItAll() {
        UUID customer = customer(TENANT, "Piecemeal SA");
        Invoice invoice = issued("SO-PARTS", customer, "100.00");

        List<CreditNote> notes = List.of(
                credit(invoice, "33.33"), credit(invoice, "33.33"), credit(invoice, "33.33"),
                creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(null, "the rest", ISSUED)));

        assertThat(notes).extracting(CreditNote::amount)
                .containsExactly(eur("33.33"), eur("33.33"), eur("33.33"), eur("19.01"));
        assertThat(notes).extracting(CreditNote::full).containsExactly(false, false, false, true);
        assertThat(notes).extracting(note -> note.net().plus(note.tax())).isEqualTo(notes.stream().map(CreditNote::amount).toList());
        assertThat(notes.stream().map(CreditNote::net).reduce(Money::plus).orElseThrow()).isEqualTo(eur("100.00"));
        assertThat(notes.stream().map(CreditNote::tax).reduce(Money::plus).orElseThrow()).isEqualTo(eur("19.00"));
        assertThat(notes.get(0).tax()).isEqualTo(eur("5.32"));
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.CANCELED);
        assertThat(creditNotes.forInvoice(TENANT, invoice.id())).extracting(CreditNote::id)
                .containsExactlyElementsOf(notes.stream().map(CreditNote::id).toList());
    }

    @Test
    void aPartialCreditNoteLowersTheLatestInstallmentsFirst() {
        terms.define(TENANT, "THIRDS", "Three equal installments, 30 days apart", "3x30");
        UUID customer = customer(TENANT, "Thirds BV");
        Invoice invoice = issue(TENANT, new SalesOrder("SO-THIRDS", customer, "EUR", ISSUED, "THIRDS",
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"), null, null))));

        CreditNote note = credit(invoice, "40.00");

        assertThat(note.full()).isFalse();
        assertThat(note.installments()).containsExactly(new SettledInstallment(3, eur("33.34")),
                new SettledInstallment(2, eur("6.66")));
        Invoice credited = invoices.find(TENANT, invoice.id()).orElseThrow();
        assertThat(credited.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(credited.open()).isEqualTo(eur("60.00"));
        assertThat(credited.installments()).extracting(Installment::open)
                .containsExactly(eur("33.33"), eur("26.67"), eur("0.00"));
        assertThat(journal.entriesFor(TENANT, note.number()).get(0).lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                JournalLine.debit(Account.REVENUE, eur("40.00")), JournalLine.credit(Account.RECEIVABLE, eur("40.00")));

        Payment payment = payments.record(TENANT, payment("thirds-1", customer, "33.33"));

        assertThat(payment.allocations()).singleElement().satisfies(allocation -> assertThat(allocation.installment()).isEqualTo(1));
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(new SqlCustomerStatements(database).openItems(TENANT, customer, payment.valueDate()))
                .extracting(OpenItem::installment, OpenItem::open)
                .containsExactly(tuple(2, eur("26.67")));
    }

    @Test
    void creditingMoreThanIsOpenOrWhatIsNoInvoiceIsRefusedAndStoresNothing() {
        UUID customer = customer(TENANT, "Greedy GmbH");
        Invoice invoice = issued("SO-OVER", customer, "100.00");
        Invoice draft = invoices.createFromOrder(TENANT, order("SO-DRAFT", customer, "10.00"));

        assertRefused(() -> credit(invoice, "119.01"), "amount");
        assertRefused(() -> credit(invoice, "0.00"), "amount");
        assertRefused(() -> credit(invoice, "-5.00"), "amount");
        assertRefused(() -> creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(Money.of("5.00", "USD"), "fx",
                ISSUED)), "amount");
        assertRefused(() -> creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(eur("5.00"), " ", ISSUED)), "reason");
        assertRefused(() -> creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(eur("5.00"), "x".repeat(201),
                ISSUED)), "reason");
        assertRefused(() -> creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(eur("5.00"), "no date", null)),
                "date");
        assertRefused(() -> creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(eur("5.00"), "too early",
                ISSUED.minusDays(1))), "date");
        assertThatThrownBy(() -> credit(draft, "5.00")).isInstanceOf(ConflictException.class).hasMessageContaining("draft");
        assertThatThrownBy(() -> creditNotes.issue(TENANT, UUID.randomUUID(), new CreditNoteRequest(null, "who?", ISSUED)))
                .isInstanceOf(NotFoundException.class);

        Invoice after = invoices.find(TENANT, invoice.id()).orElseThrow();
        assertThat(after.open()).isEqualTo(eur("119.00"));
        assertThat(after.installments()).extracting(Installment::open).containsOnly(eur("119.00"));
        assertThat(creditNotes.forInvoice(TENANT, invoice.id())).isEmpty();
        assertThat(journal.entriesFor(TENANT, invoice.number())).hasSize(1);
        assertThat(credit(invoice, "119.00").number()).isEqualTo("CN-2026-000001");
    }

    @Test
    void onAPartlyPaidInvoiceACreditNoteCreditsOnlyWhatIsStillOpen() {
        UUID customer = customer(TENANT, "Half Paid Ltd");
        Invoice invoice = issued("SO-HALF", customer, "100.00");
        payments.record(TENANT, payment("half", customer, "69.00"));

        assertThatThrownBy(() -> credit(invoice, "60.00"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(violation -> {
                            assertThat(violation.field()).isEqualTo("amount");
                            assertThat(violation.message()).contains("50.00 EUR still open", "69.00 EUR of it is already paid");
                        }));
        CreditNote rest = creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(null, "goodwill", ISSUED.plusDays(9)));

        assertThat(rest.amount()).isEqualTo(eur("50.00"));
        assertThat(rest.full()).isFalse();
        assertThat(rest.tax()).isEqualTo(eur("7.98"));
        assertThat(rest.net()).isEqualTo(eur("42.02"));
        Invoice settled = invoices.find(TENANT, invoice.id()).orElseThrow();
        assertThat(settled.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(settled.open()).isEqualTo(eur("0.00"));
        assertThatThrownBy(() -> credit(invoice, "1.00")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("nothing open");
    }

    @Test
    void creditNotesAreNumberedGapFreePerTenantAndYearApartFromInvoices() {
        UUID customer = customer(TENANT, "Numbers Oy");
        Invoice first = issued("SO-N1", customer, "100.00");
        Invoice second = issued("SO-N2", customer, "100.00");

        String one = credit(first, "10.00").number();
        assertThatThrownBy(() -> credit(first, "500.00")).isInstanceOf(InvalidRequestException.class);
        String two = credit(second, "10.00").number();
        String three = credit(first, "10.00").number();
        String nextYear = creditNotes.issue(TENANT, second.id(), new CreditNoteRequest(eur("10.00"), "next year",
                LocalDate.of(2027, 1, 4))).number();
        Invoice third = issued("SO-N3", customer, "100.00");
        UUID otherCustomer = customer(OTHER, "Elsewhere");
        Invoice elsewhere = issue(OTHER, order("SO-N1", otherCustomer, "100.00"));
        String otherTenants = creditNotes.issue(OTHER, elsewhere.id(), new CreditNoteRequest(eur("1.00"), "mine", ISSUED))
                .number();

        assertThat(List.of(one, two, three, nextYear)).containsExactly("CN-2026-000001", "CN-2026-000002",
                "CN-2026-000003", "CN-2027-000001");
        assertThat(third.number()).isEqualTo("INV-2026-000003");
        assertThat(otherTenants).isEqualTo("CN-2026-000001");
    }

    @Test
    void concurrentCreditNotesNeverCreditMoreThanIsOpenAndNumberWithoutGaps() throws Exception {
        UUID customer = customer(TENANT, "Crowded KG");
        Invoice invoice = issued("SO-RACE", customer, "100.00");
        List<Callable<Object>> clerks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clerks.add(() -> credit(invoice, "30.00"));
        }

        List<Object> outcomes = AtOnce.outcomes(clerks);

        assertThat(outcomes).filteredOn(Throwable.class::isInstance).allMatch(InvalidRequestException.class::isInstance);
        assertThat(outcomes).filteredOn(CreditNote.class::isInstance).extracting(note -> ((CreditNote) note).number())
                .containsExactlyInAnyOrder("CN-2026-000001", "CN-2026-000002", "CN-2026-000003");
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().open()).isEqualTo(eur("29.00"));
    }

    @Test
    void aBadDebtWriteOffLeavesNothingOpenAndPostsBadDebtExpense() {
        terms.define(TENANT, "HALVES", "Two halves", "2x30");
        UUID customer = customer(TENANT, "Insolvent plc");
        Invoice invoice = issue(TENANT, new SalesOrder("SO-BAD", customer, "EUR", ISSUED, "HALVES",
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"), null, new BigDecimal("19")))));
        payments.record(TENANT, payment("some", customer, "20.00"));

        WriteOff writeOff = writeOffs.writeOffBadDebt(TENANT, invoice.id(), "insolvency proceedings closed",
                ISSUED.plusDays(90));

        assertThat(writeOff.kind()).isEqualTo(WriteOffKind.BAD_DEBT);
        assertThat(writeOff.amount()).isEqualTo(eur("99.00"));
        assertThat(writeOff.paymentId()).isNull();
        assertThat(writeOff.installments()).containsExactly(new SettledInstallment(1, eur("39.50")),
                new SettledInstallment(2, eur("59.50")));
        Invoice after = invoices.find(TENANT, invoice.id()).orElseThrow();
        assertThat(after.open()).isEqualTo(eur("0.00"));
        assertThat(after.status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(journal.entriesFor(TENANT, invoice.number())).extracting(JournalEntry::kind)
                .containsExactly(JournalEntryKind.INVOICE_ISSUED, JournalEntryKind.BAD_DEBT_WRITTEN_OFF);
        assertThat(journal.entriesFor(TENANT, invoice.number()).get(1).lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                JournalLine.debit(Account.BAD_DEBT_EXPENSE, eur("99.00")), JournalLine.credit(Account.RECEIVABLE, eur("99.00")));
        assertThat(writeOffs.forInvoice(TENANT, invoice.id())).containsExactly(writeOff);
        assertThat(aging.report(TENANT, ISSUED.plusDays(90), List.of()).rows()).isEmpty();
        assertThat(aging.report(TENANT, ISSUED.plusDays(89), List.of()).rows()).singleElement()
                .satisfies(row -> assertThat(row.total()).isEqualTo(eur("99.00")));
        assertThatThrownBy(() -> writeOffs.writeOffBadDebt(TENANT, invoice.id(), "again", ISSUED.plusDays(91)))
                .isInstanceOf(ConflictException.class);
        assertRefused(() -> writeOffs.writeOffBadDebt(TENANT, invoice.id(), "", ISSUED), "reason");
    }

    @Test
    void withTaxReliefABadDebtWriteOffTakesBackTheTaxShareOfWhatItWritesOff() {
        StoredWriteOffs relieving = new StoredWriteOffs(database, journal, TestTenants.withBadDebtTaxRelief(TENANT),
                new BusinessEvents(), FourEyesFixture.off(database));
        UUID customer = customer(TENANT, "Bankrupt GmbH");
        Invoice invoice = issued("SO-RELIEF", customer, "100.00");
        creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(eur("11.90"), "one returned", ISSUED));
        payments.record(TENANT, payment("relief-some", customer, "47.60"));

        relieving.writeOffBadDebt(TENANT, invoice.id(), "insolvent", ISSUED.plusDays(120));

        // 59.50 left of 119.00 gross: 50.00 net and 9.50 tax, in the invoice's proportion.
        assertThat(journal.entriesFor(TENANT, invoice.number())).last().satisfies(entry -> assertThat(entry.lines())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(JournalLine.debit(Account.BAD_DEBT_EXPENSE, eur("50.00")),
                        JournalLine.debit(Account.TAX_PAYABLE, eur("9.50")), JournalLine.credit(Account.RECEIVABLE, eur("59.50"))));
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
    }

    @Test
    void aPaymentShortByAtMostTheToleranceClosesTheInvoiceWithASmallDifferenceWriteOff() {
        StoredPayments tolerant = new StoredPayments(database, journal, new BusinessEvents(), rates, new TenantDirectory(),
                new StoredWriteOffs(database, journal, TestTenants.withWriteOffTolerance(TENANT, "0.05"),
                        new BusinessEvents(), FourEyesFixture.off(database)));
        UUID customer = customer(TENANT, "Bank Fees SARL");
        Invoice shortBy3Cents = issued("SO-SHORT", customer, "100.00");

        Payment payment = tolerant.record(TENANT, payment("short", customer, "118.97"));

        Invoice closed = invoices.find(TENANT, shortBy3Cents.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(closed.open()).isEqualTo(eur("0.00"));
        assertThat(writeOffs.forInvoice(TENANT, shortBy3Cents.id())).singleElement().satisfies(writeOff -> {
            assertThat(writeOff.kind()).isEqualTo(WriteOffKind.SMALL_DIFFERENCE);
            assertThat(writeOff.amount()).isEqualTo(eur("0.03"));
            assertThat(writeOff.paymentId()).isEqualTo(payment.id());
            assertThat(writeOff.date()).isEqualTo(payment.valueDate());
            assertThat(writeOff.installments()).containsExactly(new SettledInstallment(1, eur("0.03")));
        });
        assertThat(journal.entriesFor(TENANT, payment.id().toString()).get(0).lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                JournalLine.debit(Account.CASH, eur("118.97")), JournalLine.credit(Account.RECEIVABLE, eur("118.97")));
        assertThat(journal.entriesFor(TENANT, shortBy3Cents.number()).get(1).lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                JournalLine.debit(Account.WRITE_OFF_EXPENSE, eur("0.03")), JournalLine.credit(Account.RECEIVABLE, eur("0.03")));

        Invoice shortByTolerance = issued("SO-EXACT", customer, "100.00");
        tolerant.record(TENANT, new PaymentRequest("exact", customer, "BANK_TRANSFER", eur("118.95"), ISSUED.plusDays(5),
                null, List.of(new AllocationTarget(shortByTolerance.id(), null, eur("118.95")))));
        assertThat(invoices.find(TENANT, shortByTolerance.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);

        Invoice shortBy10Cents = issued("SO-MORE", customer, "100.00");
        tolerant.record(TENANT, payment("more", customer, "118.90"));
        Invoice stillOpen = invoices.find(TENANT, shortBy10Cents.id()).orElseThrow();
        assertThat(stillOpen.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(stillOpen.open()).isEqualTo(eur("0.10"));
        assertThat(writeOffs.forInvoice(TENANT, shortBy10Cents.id())).isEmpty();

        Invoice withoutTolerance = issued("SO-NONE", customer, "100.00");
        payments.record(TENANT, new PaymentRequest("none", customer, "BANK_TRANSFER", eur("118.99"), ISSUED.plusDays(5),
                null, List.of(new AllocationTarget(withoutTolerance.id(), null, eur("118.99")))));
        assertThat(invoices.find(TENANT, withoutTolerance.id()).orElseThrow().open()).isEqualTo(eur("0.01"));
    }

    @Test
    void aTenantNeverSeesNorSettlesAnotherTenantsInvoices() {
        UUID customer = customer(TENANT, "Private");
        Invoice invoice = issued("SO-MINE", customer, "100.00");
        CreditNote note = credit(invoice, "10.00");

        assertThatThrownBy(() -> creditNotes.issue(OTHER, invoice.id(), new CreditNoteRequest(null, "steal", ISSUED)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> writeOffs.writeOffBadDebt(OTHER, invoice.id(), "steal", ISSUED))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> creditNotes.forInvoice(OTHER, invoice.id())).isInstanceOf(NotFoundException.class);
        assertThat(creditNotes.find(OTHER, note.id())).isEmpty();
        assertThat(creditNotes.find(TENANT, note.id())).contains(note);
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().open()).isEqualTo(eur("109.00"));
    }

    @Test
    void theCustomerStatementShowsCreditNotesAndWriteOffsAndAgreesWithTheOpenItems() {
        UUID customer = customer(TENANT, "Statement Ltd");
        Invoice credited = issued("SO-ST1", customer, "100.00");
        Invoice lost = issued("SO-ST2", customer, "50.00");
        Invoice open = issued("SO-ST3", customer, "10.00");
        CreditNote note = credit(credited, "19.00");
        writeOffs.writeOffBadDebt(TENANT, lost.id(), "insolvent", ISSUED.plusDays(40));
        SqlCustomerStatements statements = new SqlCustomerStatements(database);

        CustomerStatement statement = statements.statement(TENANT, customer, "EUR", ISSUED, ISSUED.plusDays(60));

        assertThat(statement.movements()).extracting(StatementMovement::kind).containsExactly(StatementMovement.INVOICE,
                StatementMovement.INVOICE, StatementMovement.INVOICE, StatementMovement.CREDIT_NOTE, StatementMovement.WRITE_OFF);
        assertThat(statement.movements().get(3).reference()).isEqualTo(note.number());
        Money openItems = statements.openItems(TENANT, customer, ISSUED.plusDays(60)).stream().map(OpenItem::open)
                .reduce(eur("0.00"), Money::plus);
        assertThat(statement.closingBalance()).isEqualTo(openItems).isEqualTo(eur("100.00").plus(open.gross()));
    }

    private CreditNote credit(Invoice invoice, String amount) {
        return creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(eur(amount), "price reduction", ISSUED));
    }

    private Invoice issued(String orderId, UUID customer, String net) {
        return issue(TENANT, order(orderId, customer, net));
    }

    private Invoice issue(TenantId tenant, SalesOrder order) {
        return invoices.issue(tenant, invoices.createFromOrder(tenant, order).id(), ISSUED);
    }

    private UUID customer(TenantId tenant, String name) {
        return customers.create(tenant, CustomerRequest.of(null, name, null, null, "EUR")).id();
    }

    private static SalesOrder order(String orderId, UUID customer, String net) {
        return new SalesOrder(orderId, customer, "EUR", ISSUED, null,
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal(net), null, new BigDecimal("19"))));
    }

    private static PaymentRequest payment(String key, UUID customer, String amount) {
        return new PaymentRequest(key, customer, "BANK_TRANSFER", eur(amount), ISSUED.plusDays(5), null, List.of());
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
