package receivables.impl.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.impl.approval.internal.FourEyesFixture;
import receivables.api.TenantId;
import receivables.api.credit.SettledInstallment;
import receivables.api.credit.WriteOff;
import receivables.api.credit.WriteOffKind;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.journal.Account;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRequest;
import receivables.api.report.CustomerStatement;
import receivables.api.report.StatementMovement;
import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.ledger.internal.StoredWriteOffs;
import receivables.impl.report.internal.SqlCustomerStatements;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TestTenants;

/**
 * Early-payment discounts on every database we support. Terms {@code 3%/14 NET30} on 100.00 net plus 19 % tax:
 * 119.00 owed, 3.57 off when paid by the 14th day, so 115.43 settles it until then.
 */
abstract class EarlyPaymentDiscountContract extends OnLedger {

    static final TenantId TENANT = new TenantId("discounts");
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);
    static final LocalDate LAST_DISCOUNT_DAY = ISSUED.plusDays(14);

    SqlCustomerStatements statements;

    @BeforeEach
    void defineTerms() {
        terms.define(TENANT, "SKONTO", "3 % within 14 days, net 30 days", "3%/14 NET30");
        terms.define(TENANT, "SKONTO-HALVES", "3 % within 14 days, half after 30 and half after 60 days",
                "3%/14 50%@30 50%@60");
        statements = new SqlCustomerStatements(database);
    }

    @Test
    void aPaymentOfTheDiscountedAmountInsideTheWindowSettlesTheInvoiceAndPostsTheDiscount() {
        UUID customer = customer("Prompt GmbH");
        Invoice invoice = issued("SO-1", customer, "SKONTO");
        assertThat(invoice.installments().get(0).discountAmount()).isEqualTo(eur("3.57"));

        Payment payment = payments.record(TENANT, payment("prompt", customer, "115.43", LAST_DISCOUNT_DAY, List.of()));

        assertThat(payment.unallocated()).isEqualTo(eur("0.00"));
        Invoice settled = invoices.find(TENANT, invoice.id()).orElseThrow();
        assertThat(settled.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(settled.open()).isEqualTo(eur("0.00"));
        assertThat(writeOffs.forInvoice(TENANT, invoice.id())).singleElement().satisfies(discount -> {
            assertThat(discount.kind()).isEqualTo(WriteOffKind.CASH_DISCOUNT);
            assertThat(discount.amount()).isEqualTo(eur("3.57"));
            assertThat(discount.paymentId()).isEqualTo(payment.id());
            assertThat(discount.date()).isEqualTo(LAST_DISCOUNT_DAY);
            assertThat(discount.installments()).containsExactly(new SettledInstallment(1, eur("3.57")));
        });
        assertThat(journal.entriesFor(TENANT, invoice.number())).last().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(JournalEntryKind.CASH_DISCOUNT_TAKEN);
            assertThat(entry.lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(JournalLine.debit(Account.CASH_DISCOUNT_EXPENSE, eur("3.57")),
                    JournalLine.credit(Account.RECEIVABLE, eur("3.57")));
        });

        CustomerStatement statement = statements.statement(TENANT, customer, "EUR", ISSUED, LAST_DISCOUNT_DAY);
        assertThat(statement.movements()).extracting(StatementMovement::kind)
                .containsExactly(StatementMovement.INVOICE, StatementMovement.PAYMENT, StatementMovement.CASH_DISCOUNT);
        assertThat(statement.movements().get(2).credit()).isEqualTo(eur("3.57"));
        assertThat(statement.closingBalance()).isEqualTo(eur("0.00"));
        assertThat(statements.openItems(TENANT, customer, LAST_DISCOUNT_DAY)).isEmpty();
        assertThat(aging.report(TENANT, LAST_DISCOUNT_DAY, List.of(30, 60, 90)).rows()).isEmpty();
    }

    @Test
    void openItemsOfferTheDiscountUntilItsLastDayAndNotAfter() {
        UUID customer = customer("Reader KG");
        issued("SO-OFFER", customer, "SKONTO");

        assertThat(statements.openItems(TENANT, customer, LAST_DISCOUNT_DAY)).singleElement().satisfies(item -> {
            assertThat(item.open()).isEqualTo(eur("119.00"));
            assertThat(item.discountUntil()).isEqualTo(LAST_DISCOUNT_DAY);
            assertThat(item.discountAmount()).isEqualTo(eur("3.57"));
        });
        assertThat(statements.openItems(TENANT, customer, LAST_DISCOUNT_DAY.plusDays(1))).singleElement()
                .satisfies(item -> {
                    assertThat(item.discountUntil()).isNull();
                    assertThat(item.discountAmount()).isNull();
                });
    }

    @Test
    void explicitAllocationOfTheDiscountedAmountEarnsTheDiscountToo() {
        UUID customer = customer("Exact SA");
        Invoice older = issued("SO-OLDER", customer, "NET30");
        Invoice invoice = issued("SO-2", customer, "SKONTO");

        Payment payment = payments.record(TENANT, payment("exact", customer, "115.43", ISSUED.plusDays(3),
                List.of(new AllocationTarget(invoice.id(), null, eur("115.43")))));

        assertThat(payment.allocations()).singleElement().satisfies(allocation ->
                assertThat(allocation.amount()).isEqualTo(eur("115.43")));
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices.find(TENANT, older.id()).orElseThrow().open()).isEqualTo(eur("119.00"));
        assertThat(writeOffs.forInvoice(TENANT, invoice.id())).extracting(WriteOff::amount).containsExactly(eur("3.57"));
    }

    @Test
    void aNamedInvoiceWithoutAnAmountTakesOnlyTheDiscountedAmountAndLeavesTheRestAsCredit() {
        UUID customer = customer("Round Sum Ltd");
        Invoice invoice = issued("SO-ROUND", customer, "SKONTO");

        Payment payment = payments.record(TENANT, payment("round", customer, "120.00", ISSUED.plusDays(3),
                List.of(new AllocationTarget(invoice.id(), null, null))));

        assertThat(payment.unallocated()).isEqualTo(eur("4.57"));
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void aPaymentAfterTheWindowGetsNoDiscount() {
        UUID customer = customer("Late AG");
        Invoice invoice = issued("SO-LATE", customer, "SKONTO");

        payments.record(TENANT, payment("late", customer, "115.43", LAST_DISCOUNT_DAY.plusDays(1), List.of()));

        Invoice partlyPaid = invoices.find(TENANT, invoice.id()).orElseThrow();
        assertThat(partlyPaid.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(partlyPaid.open()).isEqualTo(eur("3.57"));
        assertThat(writeOffs.forInvoice(TENANT, invoice.id())).isEmpty();
    }

    @Test
    void aPaymentShortByMoreThanTheToleranceGetsNoDiscount() {
        UUID customer = customer("Short BV");
        Invoice invoice = issued("SO-SHORT", customer, "SKONTO");

        payments.record(TENANT, payment("short", customer, "115.42", ISSUED.plusDays(5), List.of()));

        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().open()).isEqualTo(eur("3.58"));
        assertThat(writeOffs.forInvoice(TENANT, invoice.id())).isEmpty();
    }

    @Test
    void aPaymentShortByAtMostTheToleranceEarnsTheDiscountAndTheRestIsWrittenOff() {
        TenantDirectory tolerance = TestTenants.withWriteOffTolerance(TENANT, "0.05");
        StoredPayments tolerant = new StoredPayments(database, journal, new BusinessEvents(), rates, tolerance,
                new StoredWriteOffs(database, journal, tolerance, new BusinessEvents(), FourEyesFixture.off(database)));
        UUID customer = customer("Fees Oy");
        Invoice invoice = issued("SO-FEES", customer, "SKONTO");

        tolerant.record(TENANT, payment("fees", customer, "115.40", ISSUED.plusDays(5), List.of()));

        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(writeOffs.forInvoice(TENANT, invoice.id())).extracting(WriteOff::kind, WriteOff::amount)
                .containsExactlyInAnyOrder(tuple(WriteOffKind.CASH_DISCOUNT, eur("3.57")),
                        tuple(WriteOffKind.SMALL_DIFFERENCE, eur("0.03")));
    }

    @Test
    void withTaxAdjustmentTheDiscountTakesItsTaxShareOffTaxPayable() {
        TenantDirectory adjustment = TestTenants.withDiscountTaxAdjustment(TENANT, "0");
        StoredPayments adjusting = new StoredPayments(database, journal, new BusinessEvents(), rates, adjustment,
                new StoredWriteOffs(database, journal, adjustment, new BusinessEvents(), FourEyesFixture.off(database)));
        UUID customer = customer("Tax GmbH");
        Invoice invoice = issued("SO-TAX", customer, "SKONTO");

        adjusting.record(TENANT, payment("tax", customer, "115.43", ISSUED.plusDays(5), List.of()));

        // 3.57 of 119.00 gross: 3.00 net and 0.57 tax.
        assertThat(journal.entriesFor(TENANT, invoice.number())).last().satisfies(entry -> assertThat(entry.lines())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(JournalLine.debit(Account.CASH_DISCOUNT_EXPENSE, eur("3.00")),
                        JournalLine.debit(Account.TAX_PAYABLE, eur("0.57")), JournalLine.credit(Account.RECEIVABLE, eur("3.57"))));
    }

    @Test
    void twoPaymentsInsideTheWindowEarnTheDiscountOnceWithTheOneThatCompletesTheDiscountedAmount() {
        UUID customer = customer("Twice SARL");
        Invoice invoice = issued("SO-TWICE", customer, "SKONTO");

        payments.record(TENANT, payment("first", customer, "50.00", ISSUED.plusDays(2), List.of()));
        assertThat(writeOffs.forInvoice(TENANT, invoice.id())).isEmpty();
        Payment second = payments.record(TENANT, payment("second", customer, "65.43", ISSUED.plusDays(4), List.of()));

        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(writeOffs.forInvoice(TENANT, invoice.id())).singleElement()
                .satisfies(discount -> assertThat(discount.paymentId()).isEqualTo(second.id()));
    }

    @Test
    void eachInstallmentEarnsItsOwnDiscountOldestDueFirst() {
        UUID customer = customer("Halves Inc");
        Invoice invoice = issued("SO-HALVES", customer, "SKONTO-HALVES");
        assertThat(invoice.installments()).extracting(installment -> installment.discountAmount())
                .containsExactly(eur("1.79"), eur("1.79"));

        // 59.50 - 1.79 for the first half: 57.71; the rest of the 100.00 goes to the second half without discount.
        payments.record(TENANT, payment("halves", customer, "100.00", ISSUED.plusDays(1), List.of()));

        Invoice partly = invoices.find(TENANT, invoice.id()).orElseThrow();
        assertThat(partly.installments()).extracting(installment -> installment.open())
                .containsExactly(eur("0.00"), eur("17.21"));
        assertThat(writeOffs.forInvoice(TENANT, invoice.id())).singleElement().satisfies(discount ->
                assertThat(discount.installments()).containsExactly(new SettledInstallment(1, eur("1.79"))));
    }

    @Test
    void anInstallmentThatDoesNotExistIsRefusedNamingTheFieldAndNothingIsRecorded() {
        UUID customer = customer("Wrong Number Ltd");
        Invoice invoice = issued("SO-WRONG", customer, "SKONTO-HALVES");

        assertRefused(() -> payments.record(TENANT, payment("wrong", customer, "10.00", ISSUED,
                List.of(new AllocationTarget(invoice.id(), 3, null)))), "allocateTo[0].installment");
        payments.record(TENANT, payment("first-half", customer, "59.50", ISSUED.plusDays(20),
                List.of(new AllocationTarget(invoice.id(), 1, null))));
        assertRefused(() -> payments.record(TENANT, payment("paid-half", customer, "10.00", ISSUED.plusDays(20),
                List.of(new AllocationTarget(invoice.id(), 1, null)))), "allocateTo[0].installment");

        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().open()).isEqualTo(eur("59.50"));
        assertThat(payments.find(TENANT, UUID.randomUUID())).isEmpty();
        assertThat(journal.entriesFor(TENANT, invoice.number())).hasSize(1);
    }

    private Invoice issued(String orderId, UUID customer, String termsCode) {
        Invoice draft = invoices.createFromOrder(TENANT, new SalesOrder(orderId, customer, "EUR", ISSUED, termsCode,
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"), null, new BigDecimal("19")))));
        return invoices.issue(TENANT, draft.id(), ISSUED);
    }

    private UUID customer(String name) {
        return customers.create(TENANT, CustomerRequest.of(null, name, null, null, "EUR")).id();
    }

    private static PaymentRequest payment(String key, UUID customer, String amount, LocalDate valueDate,
            List<AllocationTarget> targets) {
        return new PaymentRequest(key, customer, "BANK_TRANSFER", eur(amount), valueDate, null, targets);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
