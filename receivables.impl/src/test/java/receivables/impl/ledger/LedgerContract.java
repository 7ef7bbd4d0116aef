package receivables.impl.ledger;

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

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.customer.CreditDecision;
import receivables.api.customer.CreditOutcome;
import receivables.api.customer.CreditRating;
import receivables.api.customer.CustomerRequest;
import receivables.api.fx.ExchangeRate;
import receivables.api.host.OrderSource;
import receivables.api.invoice.BillingFailure;
import receivables.api.invoice.BillingRun;
import receivables.api.invoice.BillingRunStatus;
import receivables.api.invoice.CheckoutRequest;
import receivables.api.invoice.ImmediatePayment;
import receivables.api.invoice.Installment;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceQuery;
import receivables.api.invoice.InvoiceSort;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.Receipt;
import receivables.api.invoice.SalesOrder;
import receivables.api.journal.Account;
import receivables.api.journal.JournalEntry;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRequest;
import receivables.api.payment.PaymentStatus;
import receivables.api.report.AgingReport;
import receivables.api.report.AgingRow;
import receivables.impl.billing.internal.BackgroundBillingRuns;
import receivables.impl.billing.internal.BillingNode;
import receivables.impl.customer.internal.StoredCreditControl;
import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.ledger.internal.LedgerCheckout;
import receivables.impl.ledger.internal.StoredInvoices;
import receivables.impl.persistence.internal.AtOnce;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TestTenants;

/**
 * The ledger's promises, on every database we support: invoices from orders, installments that add up,
 * gap-free numbers, payments that are never counted twice nor allocated beyond what is open, balanced
 * journal entries and an aging report that agrees with the open items.
 */
abstract class LedgerContract extends OnLedger {

    static final TenantId TENANT = new TenantId("ledger");
    static final TenantId OTHER = new TenantId("other");
    static final LocalDate ORDERED = LocalDate.of(2026, 3, 2);

    @Test
    void anInvoiceFromAnOrderHasExactLineTaxAndTotals() {
        UUID customer = customer(TENANT, "Lines AG");
        Invoice invoice = invoices.createFromOrder(TENANT, new SalesOrder("SO-1", customer, "EUR", ORDERED, null, List.of(
                new OrderLine("WIDGET", "Widget", new BigDecimal("3"), new BigDecimal("19.99"), null, new BigDecimal("19")),
                new OrderLine("SERVICE", null, new BigDecimal("1.5"), new BigDecimal("80.00"), new BigDecimal("10"), new BigDecimal("7")))));

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoice.number()).isNull();
        assertThat(invoice.lines()).extracting(line -> line.net().toString()).containsExactly("59.97 EUR", "108.00 EUR");
        assertThat(invoice.lines()).extracting(line -> line.tax().toString()).containsExactly("11.39 EUR", "7.56 EUR");
        assertThat(invoice.net()).isEqualTo(Money.of("167.97", "EUR"));
        assertThat(invoice.tax()).isEqualTo(Money.of("18.95", "EUR"));
        assertThat(invoice.gross()).isEqualTo(Money.of("186.92", "EUR"));
        assertThat(invoice.termsCode()).isEqualTo("NET30");
    }

    @Test
    void theSalespersonComesFromTheOrderElseFromTheCustomerAlsoInABillingRun() throws Exception {
        UUID customer = customers.create(TENANT, new CustomerRequest(null, "Sold To AG", null, null, "EUR", null, null,
                null, "Mia Account", null, null, null, null, null)).id();
        UUID unassigned = customer(TENANT, "Nobody's GmbH");
        List<OrderLine> lines = order("SO-0", customer, "EUR", "10.00").lines();

        Invoice sold = invoices.createFromOrder(TENANT, new SalesOrder("SO-S1", customer, "EUR", ORDERED, null, lines,
                " Lee Seller "));
        Invoice defaulted = invoices.createFromOrder(TENANT, new SalesOrder("SO-S2", customer, "EUR", ORDERED, null, lines,
                " "));
        Invoice neither = invoices.createFromOrder(TENANT, order("SO-S3", unassigned, "EUR", "10.00"));

        assertThat(sold.salesperson()).isEqualTo("Lee Seller");
        assertThat(defaulted.salesperson()).isEqualTo("Mia Account");
        assertThat(neither.salesperson()).isNull();
        assertThat(invoices.find(TENANT, sold.id()).orElseThrow().salesperson()).isEqualTo("Lee Seller");
        assertRefused(() -> invoices.createFromOrder(TENANT, new SalesOrder("SO-S4", customer, "EUR", ORDERED, null, lines,
                "x".repeat(101))), "salesperson");

        // A billing run keeps its orders as JSON between batches: the salesperson survives the trip.
        try (BillingNode node = BillingNode.start(database, invoices)) {
            BackgroundBillingRuns runs = node.runs();
            finished(runs, runs.start(TENANT, List.of(new SalesOrder("SO-S5", customer, "EUR", ORDERED, null, lines,
                    "Kai Field")), LocalDate.of(2026, 4, 1)));
            assertThat(invoices.list(TENANT, new InvoiceQuery(InvoiceStatus.ISSUED, customer, null, null, null),
                    PageRequest.first()).items()).extracting(Invoice::orderId, Invoice::salesperson)
                    .containsExactly(tuple("SO-S5", "Kai Field"));
        }
    }

    @Test
    void theSameOrderTwiceGivesOneInvoice() {
        UUID customer = customer(TENANT, "Twice Ltd");
        SalesOrder order = order("SO-TWICE", customer, "EUR", "100.00");

        Invoice first = invoices.createFromOrder(TENANT, order);
        Invoice second = invoices.createFromOrder(TENANT, order);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(invoices.list(TENANT, InvoiceQuery.all(), PageRequest.first()).totalItems()).isEqualTo(1);
        assertThatThrownBy(() -> invoices.createFromOrder(TENANT, order("SO-TWICE", customer, "EUR", "999.00")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anIncompleteOrderIsRefusedNamingEveryFieldAndStoresNothing() {
        UUID customer = customer(TENANT, "Strict GmbH");
        SalesOrder bad = new SalesOrder(" ", customer, "EURO", null, "NOPE", List.of(
                new OrderLine("", null, new BigDecimal("-1"), new BigDecimal("1.234"), new BigDecimal("101"), null)));

        assertThatThrownBy(() -> invoices.createFromOrder(TENANT, bad))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .contains("orderId", "currency", "orderDate", "lines[0].product", "lines[0].quantity",
                                "lines[0].discountPercent"));
        assertThatThrownBy(() -> invoices.createFromOrder(TENANT, new SalesOrder("SO-X", customer, "EUR", ORDERED, "NOPE",
                order("SO-X", customer, "EUR", "10.00").lines())))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("termsCode"));
        assertThatThrownBy(() -> invoices.createFromOrder(TENANT, order("SO-Y", UUID.randomUUID(), "EUR", "10.00")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("customerId"));

        assertThat(invoices.list(TENANT, InvoiceQuery.all(), PageRequest.first()).totalItems()).isZero();
    }

    @Test
    void aHundredInThreeEqualInstallmentsIs3333And3333And3334() {
        terms.define(TENANT, "THIRDS", "Three equal installments, 30 days apart", "3x30");
        UUID customer = customer(TENANT, "Thirds BV");
        Invoice draft = invoices.createFromOrder(TENANT, new SalesOrder("SO-3", customer, "EUR", ORDERED, "THIRDS",
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"), null, null))));

        Invoice issued = invoices.issue(TENANT, draft.id(), LocalDate.of(2026, 3, 5));

        assertThat(issued.installments()).extracting(Installment::amount)
                .containsExactly(Money.of("33.33", "EUR"), Money.of("33.33", "EUR"), Money.of("33.34", "EUR"));
        assertThat(issued.installments()).extracting(Installment::dueDate)
                .containsExactly(LocalDate.of(2026, 4, 4), LocalDate.of(2026, 5, 4), LocalDate.of(2026, 6, 3));
        assertThat(issued.dueDate()).isEqualTo(LocalDate.of(2026, 6, 3));
    }

    @Test
    void issuingNumbersGapFreePerYearPostsTheJournalAndIsIdempotent() {
        UUID customer = customer(TENANT, "Numbers SA");
        List<Invoice> issued = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Invoice draft = invoices.createFromOrder(TENANT, order("SO-N" + i, customer, "EUR", "10.00"));
            issued.add(invoices.issue(TENANT, draft.id(), LocalDate.of(2026, 12, 30 + i / 3)));
        }
        Invoice nextYear = invoices.issue(TENANT, invoices.createFromOrder(TENANT, order("SO-N4", customer, "EUR", "10.00")).id(),
                LocalDate.of(2027, 1, 2));

        assertThat(issued).extracting(Invoice::number).containsExactly("INV-2026-000001", "INV-2026-000002", "INV-2026-000003");
        assertThat(nextYear.number()).isEqualTo("INV-2027-000001");
        assertThat(invoices.issue(TENANT, issued.get(0).id(), LocalDate.of(2027, 5, 5)).number()).isEqualTo("INV-2026-000001");

        List<JournalEntry> entries = journal.entriesFor(TENANT, "INV-2026-000001");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                JournalLine.debit(Account.RECEIVABLE, Money.of("11.90", "EUR")),
                JournalLine.credit(Account.REVENUE, Money.of("10.00", "EUR")),
                JournalLine.credit(Account.TAX_PAYABLE, Money.of("1.90", "EUR")));
    }

    @Test
    void concurrentIssuersGetContiguousNumbers() throws Exception {
        UUID customer = customer(TENANT, "Busy Corp");
        List<UUID> drafts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            drafts.add(invoices.createFromOrder(TENANT, order("SO-C" + i, customer, "EUR", "5.00")).id());
        }
        List<String> numbers = concurrently(drafts.stream()
                .<Callable<String>>map(id -> () -> invoices.issue(TENANT, id, LocalDate.of(2026, 6, 1)).number()).toList());

        assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(n -> String.format("INV-2026-%06d", n)).toList());
    }

    @Test
    void aPaymentGoesToTheOldestDueInstallmentsAndTheRestStaysAsCredit() {
        UUID customer = customer(TENANT, "Payer Inc");
        Invoice older = issued("SO-P1", customer, "100.00", LocalDate.of(2026, 1, 10));
        Invoice newer = issued("SO-P2", customer, "50.00", LocalDate.of(2026, 2, 10));

        Payment payment = payments.record(TENANT, payment("pay-1", customer, "200.00"));

        assertThat(payment.allocations()).extracting(allocation -> allocation.invoiceId())
                .containsExactly(older.id(), newer.id());
        assertThat(payment.unallocated()).isEqualTo(Money.of("21.50", "EUR"));
        assertThat(invoices.find(TENANT, older.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices.find(TENANT, newer.id()).orElseThrow().open()).isEqualTo(Money.zero("EUR"));
        assertThat(journal.entriesFor(TENANT, payment.id().toString()).get(0).lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                JournalLine.debit(Account.CASH, Money.of("200.00", "EUR")),
                JournalLine.credit(Account.RECEIVABLE, Money.of("178.50", "EUR")),
                JournalLine.credit(Account.CUSTOMER_CREDIT, Money.of("21.50", "EUR")));
    }

    @Test
    void aPartialPaymentLeavesTheInvoicePartiallyPaid() {
        UUID customer = customer(TENANT, "Partial KG");
        Invoice invoice = issued("SO-PP", customer, "100.00", LocalDate.of(2026, 1, 10));

        payments.record(TENANT, payment("pay-pp", customer, "19.00"));

        Invoice after = invoices.find(TENANT, invoice.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(after.open()).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void theSameIdempotencyKeyRecordsOnePayment() {
        UUID customer = customer(TENANT, "Retry Ltd");
        issued("SO-R", customer, "100.00", LocalDate.of(2026, 1, 10));

        Payment first = payments.record(TENANT, payment("retry-1", customer, "50.00"));
        Payment again = payments.record(TENANT, payment("retry-1", customer, "50.00"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.allocations()).isEqualTo(first.allocations());
        assertThat(journal.entriesFor(TENANT, first.id().toString())).hasSize(1);
        assertThatThrownBy(() -> payments.record(TENANT, payment("retry-1", customer, "60.00")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aKeySentAgainAfterItsPaymentSettledTheInvoiceAnswersThatPayment() {
        UUID customer = customer(TENANT, "Settled Again BV");
        Invoice invoice = issued("SO-RS", customer, "100.00", LocalDate.of(2026, 1, 10));
        PaymentRequest whole = new PaymentRequest("settled-1", customer, "BANK_TRANSFER", invoice.open(),
                LocalDate.of(2026, 2, 1), null, List.of(new AllocationTarget(invoice.id(), null, null)));

        Payment first = payments.record(TENANT, whole);
        Payment again = payments.record(TENANT, whole);

        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(again).isEqualTo(first);
        assertThat(journal.entriesFor(TENANT, first.id().toString())).hasSize(1);
    }

    @Test
    void anOverAllocationIsRejectedAndStoresNothing() {
        UUID customer = customer(TENANT, "Over GmbH");
        Invoice invoice = issued("SO-O", customer, "100.00", LocalDate.of(2026, 1, 10));
        Money open = invoice.open();

        assertThatThrownBy(() -> payments.record(TENANT, new PaymentRequest("over-1", customer, "BANK_TRANSFER",
                Money.of("500.00", "EUR"), LocalDate.of(2026, 2, 1), null,
                List.of(new AllocationTarget(invoice.id(), null, Money.of("200.00", "EUR"))))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("allocateTo[0].amount"));
        assertThatThrownBy(() -> payments.record(TENANT, new PaymentRequest("over-2", customer, "BANK_TRANSFER",
                Money.of("50.00", "USD"), LocalDate.of(2026, 2, 1), null,
                List.of(new AllocationTarget(invoice.id(), null, null)))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("allocateTo[0].invoiceId"));
        assertThatThrownBy(() -> payments.record(TENANT, payment("zero", customer, "0.00")))
                .isInstanceOf(InvalidRequestException.class);

        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().open()).isEqualTo(open);
        assertThat(payments.record(TENANT, payment("over-1", customer, "1.00")).amount()).isEqualTo(Money.of("1.00", "EUR"));
    }

    @Test
    void anExplicitAllocationGoesWhereThePayerSaid() {
        UUID customer = customer(TENANT, "Explicit Oy");
        Invoice older = issued("SO-E1", customer, "100.00", LocalDate.of(2026, 1, 10));
        Invoice newer = issued("SO-E2", customer, "100.00", LocalDate.of(2026, 2, 10));

        Payment payment = payments.record(TENANT, new PaymentRequest("explicit", customer, "BANK_TRANSFER",
                Money.of("150.00", "EUR"), LocalDate.of(2026, 2, 20), "INV newer",
                List.of(new AllocationTarget(newer.id(), null, Money.of("119.00", "EUR")))));

        assertThat(payment.allocations()).singleElement().satisfies(a -> assertThat(a.invoiceId()).isEqualTo(newer.id()));
        assertThat(payment.unallocated()).isEqualTo(Money.of("31.00", "EUR"));
        assertThat(invoices.find(TENANT, older.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void concurrentAllocationsNeverExceedWhatIsOpen() throws Exception {
        UUID customer = customer(TENANT, "Race SARL");
        Invoice invoice = issued("SO-RACE", customer, "100.00", LocalDate.of(2026, 1, 10));
        List<Callable<Payment>> clerks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String key = "race-" + i;
            clerks.add(() -> payments.record(TENANT, new PaymentRequest(key, customer, "BANK_TRANSFER",
                    Money.of("30.00", "EUR"), LocalDate.of(2026, 2, 1), null,
                    List.of(new AllocationTarget(invoice.id(), null, Money.of("30.00", "EUR"))))));
        }

        List<Object> outcomes = AtOnce.outcomes(clerks);

        long accepted = outcomes.stream().filter(Payment.class::isInstance).count();
        assertThat(outcomes).filteredOn(Throwable.class::isInstance).allMatch(InvalidRequestException.class::isInstance);
        assertThat(accepted).isEqualTo(3);
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().open()).isEqualTo(Money.of("29.00", "EUR"));
        assertEveryJournalEntryBalances();
    }

    @Test
    void agingTotalsEqualTheOpenItems() {
        UUID first = customer(TENANT, "Aging One");
        UUID second = customer(TENANT, "Aging Two");
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        issued("SO-A1", first, "100.00", LocalDate.of(2026, 6, 20));  // due 07-20: current
        issued("SO-A2", first, "200.00", LocalDate.of(2026, 5, 20));  // due 06-19: 11 days
        issued("SO-A3", second, "300.00", LocalDate.of(2026, 4, 1));  // due 05-01: 60 days
        issued("SO-A4", second, "400.00", LocalDate.of(2026, 1, 2));  // due 02-01: 149 days
        issued("SO-A5", second, "500.00", LocalDate.of(2026, 7, 2));  // issued after the day: not yet owed
        payments.record(TENANT, new PaymentRequest("aging-pay", second, "BANK_TRANSFER", Money.of("100.00", "EUR"),
                LocalDate.of(2026, 6, 1), null, List.of()));
        payments.record(TENANT, new PaymentRequest("aging-later", first, "BANK_TRANSFER", Money.of("50.00", "EUR"),
                LocalDate.of(2026, 7, 15), null, List.of()));
        invoices.issue(OTHER, invoices.createFromOrder(OTHER, order("SO-A1", customer(OTHER, "Other's"), "EUR", "999.00")).id(),
                LocalDate.of(2026, 3, 5));

        AgingReport report = aging.report(TENANT, asOf, List.of(30, 60, 90));

        assertThat(report.buckets()).extracting(bucket -> bucket.label())
                .containsExactly("current", "1-30", "31-60", "61-90", "over 90");
        AgingRow one = report.rows().get(0);
        assertThat(one.customerName()).isEqualTo("Aging One");
        assertThat(one.buckets()).extracting(Money::toString)
                .containsExactly("119.00 EUR", "238.00 EUR", "0.00 EUR", "0.00 EUR", "0.00 EUR");
        AgingRow two = report.rows().get(1);
        // 100.00 paid on 06-01 went to the oldest installment, the one 149 days overdue.
        assertThat(two.buckets()).extracting(Money::toString)
                .containsExactly("0.00 EUR", "0.00 EUR", "357.00 EUR", "0.00 EUR", "376.00 EUR");
        assertThat(report.totals()).singleElement().satisfies(total -> {
            assertThat(total.total()).isEqualTo(Money.of("1090.00", "EUR"));
            assertThat(total.total()).isEqualTo(one.total().plus(two.total()));
        });
        Money openNow = invoices.list(TENANT, new InvoiceQuery(null, null, null, null, "EUR"), new PageRequest(0, 100))
                .items().stream().filter(invoice -> !invoice.issueDate().isAfter(asOf))
                .map(Invoice::open).reduce(Money.zero("EUR"), Money::plus);
        // Today's open items and the aging as of 06-30 differ by the payment with value date 07-15 only.
        assertThat(openNow.plus(Money.of("50.00", "EUR"))).isEqualTo(report.totals().get(0).total());
    }

    @Test
    void theCreditCheckBlocksOrWarnsByTheTenantsPolicy() {
        UUID limited = customers.create(TENANT, new CustomerRequest(null, "Limited Ltd", null, null, "EUR", null, null,
                null, null, null, "NET14", new BigDecimal("150.00"), CreditRating.B, false)).id();
        Invoice fits = invoices.createFromOrder(TENANT, order("SO-L1", limited, "EUR", "100.00"));
        assertThat(fits.termsCode()).isEqualTo("NET14");
        invoices.issue(TENANT, fits.id(), LocalDate.of(2026, 3, 3));
        Invoice tooMuch = invoices.createFromOrder(TENANT, order("SO-L2", limited, "EUR", "100.00"));

        CreditDecision decision = credit.check(TENANT, limited, Money.zero("EUR"));
        assertThat(decision.outcome()).isEqualTo(CreditOutcome.BLOCK);
        assertThat(decision.exposure()).isEqualTo(Money.of("238.00", "EUR"));
        assertThat(decision.reasons()).singleElement().asString().contains("exceeds the credit limit 150.00 EUR");
        assertThatThrownBy(() -> invoices.issue(TENANT, tooMuch.id(), LocalDate.of(2026, 3, 3)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("credit limit");
        assertThat(invoices.find(TENANT, tooMuch.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.DRAFT);

        payments.record(TENANT, payment("limited-pay", limited, "119.00"));
        assertThat(credit.check(TENANT, limited, Money.zero("EUR")).outcome()).isEqualTo(CreditOutcome.PASS);
        assertThat(invoices.issue(TENANT, tooMuch.id(), LocalDate.of(2026, 3, 4)).status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void exposureInOtherCurrenciesCountsInTheCustomersCurrencyOrWarnsWithoutARate() {
        UUID limited = customers.create(TENANT, new CustomerRequest(null, "Two Currencies Ltd", null, null, "EUR", null,
                null, null, null, null, null, new BigDecimal("150.00"), CreditRating.B, false)).id();
        rates.enter(TENANT, List.of(new ExchangeRate("USD", LocalDate.of(2026, 3, 1), new BigDecimal("0.92"))));
        invoices.issue(TENANT, invoices.createFromOrder(TENANT, order("SO-X-EUR", limited, "EUR", "50.00")).id(),
                LocalDate.of(2026, 3, 3));
        invoices.createFromOrder(TENANT, order("SO-X-USD", limited, "USD", "100.00"));

        CreditDecision decision = credit.check(TENANT, limited, Money.zero("EUR"));

        // 59.50 EUR open and a draft of 119.00 USD at 0.92: 109.48 EUR.
        assertThat(decision.exposure()).isEqualTo(Money.of("168.98", "EUR"));
        assertThat(decision.outcome()).isEqualTo(CreditOutcome.BLOCK);

        invoices.createFromOrder(TENANT, order("SO-X-GBP", limited, "GBP", "1.00"));
        assertThat(credit.check(TENANT, limited, Money.zero("EUR")).reasons())
                .anySatisfy(reason -> assertThat(reason).startsWith("exposure of 1.19 GBP is not counted: no exchange rate"));
    }

    @Test
    void aCustomerOnHoldIsBlockedUnlessTheTenantOnlyWarns() {
        UUID held = customers.create(TENANT, new CustomerRequest(null, "Held SA", null, null, "EUR", null, null, null, null,
                null, null, null, CreditRating.D, true)).id();
        Invoice draft = invoices.createFromOrder(TENANT, order("SO-H", held, "EUR", "10.00"));

        assertThat(credit.check(TENANT, held, Money.zero("EUR")).reasons())
                .containsExactly("the customer is on credit hold", "the customer's credit rating is D");
        assertThatThrownBy(() -> invoices.issue(TENANT, draft.id(), LocalDate.of(2026, 3, 3)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("credit hold");

        StoredInvoices lenient = new StoredInvoices(database, journal, TestTenants.warningOnly(TENANT),
                new BusinessEvents(), terms, new StoredCreditControl(database, rates, new TenantDirectory()), rates);
        assertThat(lenient.issue(TENANT, draft.id(), LocalDate.of(2026, 3, 3)).status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void aBillingRunInvoicesEveryGoodOrderAndNamesTheBadOnes() throws Exception {
        UUID customer = customer(TENANT, "Bulk Buyer");
        List<SalesOrder> orders = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            orders.add(order("BR-" + i, customer, "EUR", "10.00"));
        }
        orders.set(7, order("BR-7", UUID.randomUUID(), "EUR", "10.00"));
        orders.set(300, new SalesOrder("BR-300", customer, "EUR", ORDERED, "NOPE", orders.get(0).lines()));
        try (BillingNode node = BillingNode.start(database, invoices)) {
            BackgroundBillingRuns runs = node.runs();
            BillingRun first = finished(runs, runs.start(TENANT, orders, LocalDate.of(2026, 4, 1)));

            assertThat(first.status()).isEqualTo(BillingRunStatus.COMPLETED);
            assertThat(first.total()).isEqualTo(450);
            assertThat(first.done()).isEqualTo(448);
            assertThat(first.failed()).isEqualTo(2);
            assertThat(first.failures()).extracting(BillingFailure::orderId).containsExactly("BR-300", "BR-7");
            assertThat(first.failures().get(0).reason()).contains("termsCode");
            assertThat(first.failures().get(1).reason()).contains("customerId");
            Page<Invoice> issued = invoices.list(TENANT, new InvoiceQuery(InvoiceStatus.ISSUED, customer, null, null, null),
                    new PageRequest(0, 500));
            assertThat(issued.totalItems()).isEqualTo(448);
            assertThat(issued.items()).extracting(Invoice::number).contains("INV-2026-000001", "INV-2026-000448");

            BillingRun again = finished(runs, runs.start(TENANT, orders, LocalDate.of(2026, 4, 2)));
            assertThat(again.done()).isEqualTo(448);
            assertThat(again.failed()).isEqualTo(2);
            assertThat(invoices.list(TENANT, InvoiceQuery.all(), PageRequest.first()).totalItems()).isEqualTo(448);
        }
    }

    @Test
    void aBillingRunChecksCreditWithTheBatchsOwnOrdersCountedAndFailsOnlyTheOrdersBeyondTheLimit() throws Exception {
        // A limit of 50.00 lets two invoices of 23.80 through; the third would exceed it within the same batch.
        UUID limited = customers.create(TENANT, new CustomerRequest(null, "Small Limit Ltd", null, null, "EUR", null, null,
                null, null, null, null, new BigDecimal("50.00"), CreditRating.B, false)).id();
        UUID free = customer(TENANT, "No Limit Ltd");
        List<SalesOrder> orders = List.of(order("CL-1", limited, "EUR", "20.00"), order("CL-2", free, "EUR", "20.00"),
                order("CL-3", limited, "EUR", "20.00"), order("CL-4", limited, "EUR", "20.00"),
                order("CL-5", free, "EUR", "20.00"));
        try (BillingNode node = BillingNode.start(database, invoices)) {
            BackgroundBillingRuns runs = node.runs();
            BillingRun run = finished(runs, runs.start(TENANT, orders, LocalDate.of(2026, 4, 1)));

            assertThat(run.done()).isEqualTo(4);
            assertThat(run.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.orderId()).isEqualTo("CL-4");
                assertThat(failure.reason()).contains("exceeds the credit limit 50.00 EUR");
            });
            assertThat(invoices.list(TENANT, new InvoiceQuery(InvoiceStatus.ISSUED, null, null, null, null),
                    new PageRequest(0, 10)).items()).extracting(Invoice::number)
                    .containsExactlyInAnyOrder("INV-2026-000001", "INV-2026-000002", "INV-2026-000003", "INV-2026-000004");
            assertThat(finished(runs, runs.start(TENANT, orders, LocalDate.of(2026, 4, 2))).done()).isEqualTo(4);
            assertThat(invoices.list(TENANT, InvoiceQuery.all(), PageRequest.first()).totalItems())
                    .as("the refused order leaves nothing behind").isEqualTo(4);
        }
    }

    @Test
    void aBillingRunWithoutOrdersInvoicesWhatTheHostReports() throws Exception {
        UUID customer = customer(TENANT, "Host Orders");
        List<SalesOrder> ready = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ready.add(order("HOST-" + i, customer, "EUR", "20.00"));
        }
        OrderSource host = (tenant, limit) -> tenant.equals(TENANT) ? ready : List.of();
        try (BillingNode node = BillingNode.start(database, invoices, host)) {
            BackgroundBillingRuns runs = node.runs();
            BillingRun run = finished(runs, runs.start(TENANT, List.of(), LocalDate.of(2026, 4, 1)));

            assertThat(run.total()).isEqualTo(5);
            assertThat(run.done()).isEqualTo(5);
            assertThat(invoices.list(TENANT, InvoiceQuery.all(), PageRequest.first()).totalItems()).isEqualTo(5);
        }
    }

    @Test
    void aUsdInvoicePaidAtAHigherRatePostsARealizedExchangeGain() {
        rates.enter(TENANT, List.of(new ExchangeRate("USD", LocalDate.of(2026, 3, 2), new BigDecimal("0.92")),
                new ExchangeRate("USD", LocalDate.of(2026, 3, 10), new BigDecimal("0.95")),
                new ExchangeRate("USD", LocalDate.of(2026, 3, 20), new BigDecimal("0.90"))));
        UUID customer = customers.create(TENANT, CustomerRequest.of(null, "Yankee Inc", null, null, "USD")).id();
        Invoice invoice = invoices.issue(TENANT, invoices.createFromOrder(TENANT, new SalesOrder("SO-USD", customer, "USD",
                ORDERED, null, List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"), null, null))))
                .id(), LocalDate.of(2026, 3, 2));

        Payment gain = payments.record(TENANT, new PaymentRequest("usd-1", customer, "BANK_TRANSFER", Money.of("60.00", "USD"),
                LocalDate.of(2026, 3, 10), null, List.of()));
        Payment loss = payments.record(TENANT, new PaymentRequest("usd-2", customer, "BANK_TRANSFER", Money.of("40.00", "USD"),
                LocalDate.of(2026, 3, 20), null, List.of()));

        assertThat(journal.entriesFor(TENANT, gain.id().toString())).extracting(JournalEntry::kind)
                .containsExactly(JournalEntryKind.PAYMENT_RECEIVED, JournalEntryKind.FX_REALIZED);
        assertThat(journal.entriesFor(TENANT, gain.id().toString()).get(1).lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                JournalLine.debit(Account.RECEIVABLE, Money.of("1.80", "EUR")),
                JournalLine.credit(Account.FX_GAIN, Money.of("1.80", "EUR")));
        assertThat(journal.entriesFor(TENANT, loss.id().toString()).get(1).lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                JournalLine.debit(Account.FX_LOSS, Money.of("0.80", "EUR")),
                JournalLine.credit(Account.RECEIVABLE, Money.of("0.80", "EUR")));
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);

        // Every line also in the functional currency, at its entry's rate.
        JournalEntry issued = journal.entriesFor(TENANT, invoice.number()).get(0);
        assertThat(issued.rate()).isEqualByComparingTo("0.92");
        assertThat(issued.lines()).extracting(JournalLine::functionalDebit, JournalLine::functionalCredit).containsExactly(
                tuple(Money.of("92.00", "EUR"), Money.of("0.00", "EUR")), tuple(Money.of("0.00", "EUR"), Money.of("92.00", "EUR")));
        JournalEntry received = journal.entriesFor(TENANT, gain.number()).get(0);
        assertThat(received.rate()).isEqualByComparingTo("0.95");
        assertThat(received.lines()).extracting(JournalLine::functionalDebit).containsExactly(Money.of("57.00", "EUR"),
                Money.of("0.00", "EUR"));
        assertThat(journal.entriesFor(TENANT, gain.number()).get(1).rate()).isEqualByComparingTo("1");
        assertRefused(() -> payments.record(TENANT, new PaymentRequest("usd-early", customer, "BANK_TRANSFER",
                Money.of("1.00", "USD"), LocalDate.of(2026, 3, 1), null, List.of())), "valueDate");
    }

    @Test
    void aForeignCurrencyInvoiceNeedsARateOnItsIssueDate() {
        UUID customer = customers.create(TENANT, CustomerRequest.of(null, "No Rate Ltd", null, null, "GBP")).id();
        Invoice draft = invoices.createFromOrder(TENANT, order("SO-GBP", customer, "GBP", "10.00"));

        assertThatThrownBy(() -> invoices.issue(TENANT, draft.id(), LocalDate.of(2026, 3, 3)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations().get(0).field())
                        .isEqualTo("issueDate"));
        assertThat(invoices.find(TENANT, draft.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void checkoutIssuesAndTakesThePaymentInOneStepAndRepeatsItselfExactly() {
        UUID customer = customer(TENANT, "Till Customer");
        LedgerCheckout checkout = new LedgerCheckout(database, invoices, payments);
        CheckoutRequest request = new CheckoutRequest(order("SO-TILL", customer, "EUR", "50.00"), LocalDate.of(2026, 3, 3),
                new ImmediatePayment("till-1", "CARD", Money.of("60.00", "EUR"), null));

        Receipt receipt = checkout.checkout(TENANT, request);

        assertThat(receipt.invoice().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(receipt.invoice().number()).isEqualTo("INV-2026-000001");
        assertThat(receipt.payment().unallocated()).isEqualTo(Money.of("0.50", "EUR"));
        Receipt again = checkout.checkout(TENANT, request);
        assertThat(again.invoice().id()).isEqualTo(receipt.invoice().id());
        assertThat(again.payment().id()).isEqualTo(receipt.payment().id());
        assertThat(journal.entriesFor(TENANT, receipt.payment().id().toString())).hasSize(1);
    }

    @Test
    void aCheckoutThatFailsStoresNeitherInvoiceNorPayment() {
        UUID held = customers.create(TENANT, new CustomerRequest(null, "Held at Till", null, null, "EUR", null, null, null,
                null, null, null, null, null, true)).id();
        UUID customer = customer(TENANT, "Bad Card");
        LedgerCheckout checkout = new LedgerCheckout(database, invoices, payments);

        assertThatThrownBy(() -> checkout.checkout(TENANT, new CheckoutRequest(order("SO-HELD", held, "EUR", "5.00"),
                LocalDate.of(2026, 3, 3), new ImmediatePayment("held-1", "CARD", Money.of("5.95", "EUR"), null))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> checkout.checkout(TENANT, new CheckoutRequest(order("SO-ZERO", customer, "EUR", "5.00"),
                LocalDate.of(2026, 3, 3), new ImmediatePayment("zero-1", "CARD", Money.of("0.00", "EUR"), null))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("amount"));

        assertThat(invoices.list(TENANT, InvoiceQuery.all(), PageRequest.first()).totalItems()).isZero();
        assertThat(payments.record(TENANT, payment("zero-1", customer, "1.00")).amount()).isEqualTo(Money.of("1.00", "EUR"));
    }

    @Test
    void anAllocationTakenBackReturnsToCreditAndCanBeAppliedElsewhere() {
        UUID customer = customer(TENANT, "Misapplied GmbH");
        Invoice wrong = issued("SO-W1", customer, "100.00", LocalDate.of(2026, 1, 10));
        Invoice right = issued("SO-W2", customer, "100.00", LocalDate.of(2026, 2, 10));
        Payment payment = payments.record(TENANT, payment("misapplied", customer, "119.00"));
        UUID allocation = payment.allocations().get(0).id();
        assertThat(payment.allocations().get(0).invoiceId()).isEqualTo(wrong.id());

        Payment freed = payments.unallocate(TENANT, payment.id(), allocation, "paid for SO-W2", LocalDate.of(2026, 3, 5));
        assertThat(freed.unallocated()).isEqualTo(Money.of("119.00", "EUR"));
        assertThat(freed.allocations()).hasSize(2);
        assertThat(freed.allocations().get(1).reverses()).isEqualTo(allocation);
        assertThat(freed.allocations().get(1).amount()).isEqualTo(Money.of("-119.00", "EUR"));
        assertThat(invoices.find(TENANT, wrong.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThatThrownBy(() -> payments.unallocate(TENANT, payment.id(), allocation, "again", LocalDate.of(2026, 3, 5)))
                .isInstanceOf(ConflictException.class);

        Payment applied = payments.applyCredit(TENANT, payment.id(), List.of(new AllocationTarget(right.id(), null, null)),
                LocalDate.of(2026, 3, 6));
        assertThat(applied.unallocated()).isEqualTo(Money.zero("EUR"));
        assertThat(invoices.find(TENANT, right.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(journal.entriesFor(TENANT, payment.id().toString())).extracting(JournalEntry::kind)
                .containsExactly(JournalEntryKind.PAYMENT_RECEIVED, JournalEntryKind.ALLOCATION_REVERSED,
                        JournalEntryKind.CREDIT_APPLIED);
        // As of the day before the reversal the first invoice was settled, the second open.
        AgingReport before = aging.report(TENANT, LocalDate.of(2026, 3, 4), List.of());
        assertThat(before.totals().get(0).total()).isEqualTo(Money.of("119.00", "EUR"));
        assertThat(aging.report(TENANT, LocalDate.of(2026, 3, 6), List.of()).totals().get(0).total())
                .isEqualTo(Money.of("119.00", "EUR"));
    }

    @Test
    void aReversedPaymentOpensItsInvoicesAgainOnceAndForAll() {
        UUID customer = customer(TENANT, "Bounced Ltd");
        Invoice invoice = issued("SO-B", customer, "100.00", LocalDate.of(2026, 1, 10));
        Payment payment = payments.record(TENANT, payment("bounced", customer, "150.00"));

        Payment reversed = payments.reverse(TENANT, payment.id(), "returned by the bank: account closed",
                LocalDate.of(2026, 3, 8));

        assertThat(reversed.status()).isEqualTo(PaymentStatus.REVERSED);
        assertThat(reversed.reversedOn()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(reversed.unallocated()).isEqualTo(Money.zero("EUR"));
        assertThat(invoices.find(TENANT, invoice.id()).orElseThrow().open()).isEqualTo(Money.of("119.00", "EUR"));
        assertThat(payments.reverse(TENANT, payment.id(), "twice", LocalDate.of(2026, 3, 9))).isEqualTo(reversed);
        assertThat(journal.entriesFor(TENANT, payment.id().toString()).get(2).lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                JournalLine.debit(Account.CUSTOMER_CREDIT, Money.of("150.00", "EUR")),
                JournalLine.credit(Account.CASH, Money.of("150.00", "EUR")));
        assertThatThrownBy(() -> payments.applyCredit(TENANT, payment.id(), List.of(), LocalDate.of(2026, 3, 9)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> payments.reverse(TENANT, UUID.randomUUID(), "who?", LocalDate.of(2026, 3, 9)))
                .isInstanceOf(receivables.api.NotFoundException.class);
    }

    @Test
    void aTenantNeverSeesAnotherTenantsInvoicesNorPaysThem() {
        UUID customer = customer(TENANT, "Mine");
        Invoice invoice = issued("SO-T", customer, "10.00", LocalDate.of(2026, 1, 1));

        assertThat(invoices.find(OTHER, invoice.id())).isEmpty();
        assertThat(invoices.list(OTHER, InvoiceQuery.all(), PageRequest.first()).totalItems()).isZero();
        assertThatThrownBy(() -> payments.record(OTHER, payment("steal", customer, "10.00")))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(aging.report(OTHER, LocalDate.of(2026, 12, 31), List.of()).rows()).isEmpty();
    }

    private static BillingRun finished(BackgroundBillingRuns runs, BillingRun started) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            BillingRun run = runs.find(TENANT, started.id()).orElseThrow();
            if (run.status() != BillingRunStatus.RUNNING) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("billing run " + started.id() + " did not finish within 60 s");
    }

    @Test
    void invoicesListNewestNumberFirstByDefaultDraftsLastAndInTheOrderAsked() {
        UUID customer = customer(TENANT, "Order Matters SE");
        Invoice first = issued("SO-FIRST", customer, "10.00", LocalDate.of(2026, 3, 10));
        Invoice second = issued("SO-SECOND", customer, "10.00", LocalDate.of(2026, 3, 5));
        Invoice draft = invoices.createFromOrder(TENANT, order("SO-DRAFT", customer, "EUR", "10.00"));

        assertThat(invoices.list(TENANT, InvoiceQuery.all(), PageRequest.first()).items()).extracting(Invoice::id)
                .containsExactly(second.id(), first.id(), draft.id());
        assertThat(invoices.list(TENANT, new InvoiceQuery(null, customer, null, null, null, InvoiceSort.NUMBER),
                PageRequest.first()).items()).extracting(Invoice::id).containsExactly(first.id(), second.id(), draft.id());
        assertThat(invoices.list(TENANT, new InvoiceQuery(null, customer, null, null, null, InvoiceSort.ISSUE_DATE),
                PageRequest.first()).items()).extracting(Invoice::id).containsExactly(second.id(), first.id(), draft.id());
        assertThat(invoices.list(TENANT, new InvoiceQuery(null, customer, null, null, null,
                InvoiceSort.DUE_DATE_DESCENDING), new PageRequest(0, 1)).items()).extracting(Invoice::id)
                .containsExactly(first.id());
    }

    @Test
    void paymentsAreNumberedGapFreePerTenantAndYearOfTheirValueDate() {
        UUID customer = customer(TENANT, "Numbered Oy");
        UUID elsewhere = customer(OTHER, "Numbered Elsewhere");

        Payment first = payments.record(TENANT, payment("n-1", customer, "1.00"));
        Payment second = payments.record(TENANT, payment("n-2", customer, "1.00"));
        Payment nextYear = payments.record(TENANT, new PaymentRequest("n-3", customer, "CASH", Money.of("1.00", "EUR"),
                LocalDate.of(2027, 1, 4), null, List.of()));
        Payment otherTenant = payments.record(OTHER, payment("n-1", elsewhere, "1.00"));
        assertRefused(() -> payments.record(TENANT, payment("n-bad", customer, "-1.00")), "amount");
        Payment third = payments.record(TENANT, payment("n-4", customer, "1.00"));

        assertThat(List.of(first, second, third, nextYear, otherTenant)).extracting(Payment::number).containsExactly(
                "PAY-2026-000001", "PAY-2026-000002", "PAY-2026-000003", "PAY-2027-000001", "PAY-2026-000001");
        assertThat(payments.record(TENANT, payment("n-1", customer, "1.00")).number()).isEqualTo("PAY-2026-000001");
        assertThat(journal.entriesFor(TENANT, first.number())).extracting(JournalEntry::reference)
                .containsExactly(first.number());
        assertThat(journal.entriesFor(TENANT, first.id().toString())).isEqualTo(journal.entriesFor(TENANT, first.number()));
    }

    private Invoice issued(String orderId, UUID customer, String net, LocalDate issueDate) {
        Invoice draft = invoices.createFromOrder(TENANT, new SalesOrder(orderId, customer, "EUR", issueDate.minusDays(1),
                null, order(orderId, customer, "EUR", net).lines()));
        return invoices.issue(TENANT, draft.id(), issueDate);
    }

    private UUID customer(TenantId tenant, String name) {
        return customers.create(tenant, CustomerRequest.of(null, name, null, null, "EUR")).id();
    }

    private static SalesOrder order(String orderId, UUID customer, String currency, String net) {
        return new SalesOrder(orderId, customer, currency, ORDERED, null,
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal(net), null, new BigDecimal("19"))));
    }

    private static PaymentRequest payment(String key, UUID customer, String amount) {
        return new PaymentRequest(key, customer, "BANK_TRANSFER", Money.of(amount, "EUR"), LocalDate.of(2026, 3, 1), null,
                List.of());
    }

    private static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        List<T> results = new ArrayList<>();
        for (Object outcome : AtOnce.outcomes(tasks)) {
            if (outcome instanceof Throwable failure) {
                throw new AssertionError("a concurrent task failed", failure);
            }
            @SuppressWarnings("unchecked")
            T result = (T) outcome;
            results.add(result);
        }
        return results;
    }
}
