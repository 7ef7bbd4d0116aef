package receivables.impl.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.PageRequest;
import receivables.api.PageWithTotals;
import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.fx.ExchangeRate;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceQuery;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.invoice.InvoiceTotal;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.AllocationState;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentFilter;
import receivables.api.payment.PaymentRequest;
import receivables.api.payment.PaymentTotal;

/**
 * Payment and invoice lists, on every database we support: newest first, filtered, and with totals per currency
 * over everything the filter matches, the same on every page.
 */
abstract class ListsWithTotalsContract extends OnLedger {

    static final TenantId TENANT = new TenantId("lists");
    static final TenantId OTHER = new TenantId("neighbour");
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);

    private UUID euroCustomer;
    private UUID dollarCustomer;

    /**
     * One EUR invoice of 119.00 paid by 50.00 (allocated), 100.00 (69.00 allocated) and 20.00 (nothing open any more);
     * in USD 30.00 on no invoice and 40.00 by card, reversed; a neighbour's payment that no list of ours shows.
     */
    @BeforeEach
    void recordPayments() {
        euroCustomer = customer(TENANT, "Euro AG", "EUR");
        dollarCustomer = customer(TENANT, "Dollar Inc", "USD");
        rates.enter(TENANT, List.of(new ExchangeRate("USD", LocalDate.of(2026, 3, 1), new BigDecimal("0.92"))));
        issue(TENANT, "SO-E1", euroCustomer, "EUR", "100.00");
        pay(TENANT, "p1", euroCustomer, "BANK_TRANSFER", "50.00", "EUR", 10);
        pay(TENANT, "p2", euroCustomer, "BANK_TRANSFER", "100.00", "EUR", 11);
        pay(TENANT, "p3", euroCustomer, "CASH", "20.00", "EUR", 12);
        pay(TENANT, "p4", dollarCustomer, "BANK_TRANSFER", "30.00", "USD", 9);
        Payment card = pay(TENANT, "p5", dollarCustomer, "CARD", "40.00", "USD", 13);
        payments.reverse(TENANT, card.id(), "charge-back", LocalDate.of(2026, 3, 20));
        pay(OTHER, "p1", customer(OTHER, "Neighbour", "EUR"), "BANK_TRANSFER", "999.00", "EUR", 10);
    }

    @Test
    void paymentsComeNewestFirstWithTotalsOverEveryPage() {
        PageWithTotals<Payment, PaymentTotal> first = payments.list(TENANT, PaymentFilter.all(), new PageRequest(0, 2));
        PageWithTotals<Payment, PaymentTotal> second = payments.list(TENANT, PaymentFilter.all(), new PageRequest(1, 2));
        PageWithTotals<Payment, PaymentTotal> last = payments.list(TENANT, PaymentFilter.all(), new PageRequest(2, 2));

        assertThat(first.items()).extracting(Payment::idempotencyKey).containsExactly("p5", "p3");
        assertThat(second.items()).extracting(Payment::idempotencyKey).containsExactly("p2", "p1");
        assertThat(last.items()).extracting(Payment::idempotencyKey).containsExactly("p4");
        assertThat(first.totalItems()).isEqualTo(5);
        List<PaymentTotal> everything = List.of(
                new PaymentTotal("EUR", 3, Money.of("170.00", "EUR"), Money.of("51.00", "EUR")),
                new PaymentTotal("USD", 2, Money.of("70.00", "USD"), Money.of("30.00", "USD")));
        assertThat(first.totals()).isEqualTo(everything);
        assertThat(second.totals()).isEqualTo(everything);
        assertThat(last.totals()).isEqualTo(everything);
        assertThat(second.items().get(0).allocations()).extracting(allocation -> allocation.amount().toString())
                .containsExactly("69.00 EUR");
    }

    @Test
    void eachFilterNarrowsTheItemsAndTheTotalsAlike() {
        assertThat(keysAndTotals(new PaymentFilter(euroCustomer, null, null, null, null, null)))
                .isEqualTo(new Listed(List.of("p3", "p2", "p1"), List.of(
                        new PaymentTotal("EUR", 3, Money.of("170.00", "EUR"), Money.of("51.00", "EUR")))));
        assertThat(keysAndTotals(new PaymentFilter(null, "CARD", null, null, null, null)))
                .isEqualTo(new Listed(List.of("p5"), List.of(
                        new PaymentTotal("USD", 1, Money.of("40.00", "USD"), Money.of("0.00", "USD")))));
        assertThat(keysAndTotals(new PaymentFilter(null, null, "USD", null, null, null)).keys())
                .containsExactly("p5", "p4");
        assertThat(keysAndTotals(new PaymentFilter(null, null, null, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 12),
                null))).isEqualTo(new Listed(List.of("p3", "p2", "p1"), List.of(
                        new PaymentTotal("EUR", 3, Money.of("170.00", "EUR"), Money.of("51.00", "EUR")))));
        assertThat(keysAndTotals(new PaymentFilter(null, null, "JPY", null, null, null)))
                .isEqualTo(new Listed(List.of(), List.of()));
    }

    @Test
    void theAllocationStateFollowsWhatIsLeftAsCredit() {
        assertThat(keys(AllocationState.UNALLOCATED)).containsExactly("p3", "p4");
        assertThat(keys(AllocationState.PARTLY_ALLOCATED)).containsExactly("p2");
        assertThat(keys(AllocationState.ALLOCATED)).containsExactly("p1");
        assertThat(keys(AllocationState.REVERSED)).containsExactly("p5");
    }

    @Test
    void aBadFilterIsRefusedNamingTheField() {
        assertRefused(() -> payments.list(TENANT, new PaymentFilter(null, null, "EURO", null, null, null),
                PageRequest.first()), "currency");
        assertRefused(() -> payments.list(TENANT, new PaymentFilter(null, null, "eur", null, null, null),
                PageRequest.first()), "currency");
        assertRefused(() -> payments.list(TENANT, new PaymentFilter(null, "card'; drop", null, null, null, null),
                PageRequest.first()), "method");
        assertRefused(() -> payments.list(TENANT, new PaymentFilter(null, null, null, LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 1), null), PageRequest.first()), "valueFrom");
    }

    @Test
    void invoicesCarryGrossAndOpenPerCurrencyOverEveryPage() {
        issue(TENANT, "SO-E2", euroCustomer, "EUR", "10.00");
        issue(TENANT, "SO-U1", dollarCustomer, "USD", "200.00");
        InvoiceQuery everyInvoice = InvoiceQuery.all();

        PageWithTotals<Invoice, InvoiceTotal> first = invoices.listWithTotals(TENANT, everyInvoice, new PageRequest(0, 1));
        PageWithTotals<Invoice, InvoiceTotal> last = invoices.listWithTotals(TENANT, everyInvoice, new PageRequest(2, 1));

        assertThat(first.items()).hasSize(1);
        assertThat(first.totalItems()).isEqualTo(3);
        // 119.00 is paid in full by p1 and p2; 11.90 is still open, as it came after them.
        assertThat(invoices.listWithTotals(TENANT, new InvoiceQuery(InvoiceStatus.ISSUED, null, null, null, null),
                PageRequest.first()).totals()).containsExactly(
                        new InvoiceTotal("EUR", 1, Money.of("11.90", "EUR"), Money.of("11.90", "EUR")),
                        new InvoiceTotal("USD", 1, Money.of("238.00", "USD"), Money.of("238.00", "USD")));
        List<InvoiceTotal> everything = List.of(
                new InvoiceTotal("EUR", 2, Money.of("130.90", "EUR"), Money.of("11.90", "EUR")),
                new InvoiceTotal("USD", 1, Money.of("238.00", "USD"), Money.of("238.00", "USD")));
        assertThat(first.totals()).isEqualTo(everything);
        assertThat(last.totals()).isEqualTo(everything);
        assertThat(invoices.listWithTotals(TENANT, new InvoiceQuery(null, null, null, null, "USD"), PageRequest.first())
                .totals()).containsExactly(everything.get(1));
        assertThat(invoices.list(TENANT, everyInvoice, new PageRequest(0, 1)).items()).isEqualTo(first.items());
    }

    /** The idempotency keys of the payments listed, and the totals. */
    record Listed(List<String> keys, List<PaymentTotal> totals) {
    }

    private Listed keysAndTotals(PaymentFilter filter) {
        PageWithTotals<Payment, PaymentTotal> listed = payments.list(TENANT, filter, new PageRequest(0, 100));
        return new Listed(listed.items().stream().map(Payment::idempotencyKey).toList(), listed.totals());
    }

    private List<String> keys(AllocationState state) {
        return payments.list(TENANT, new PaymentFilter(null, null, null, null, null, state), PageRequest.first()).items()
                .stream().map(Payment::idempotencyKey).toList();
    }

    private UUID customer(TenantId tenant, String name, String currency) {
        return customers.create(tenant, CustomerRequest.of(null, name, null, null, currency)).id();
    }

    private void issue(TenantId tenant, String orderId, UUID customer, String currency, String net) {
        invoices.issue(tenant, invoices.createFromOrder(tenant, order(orderId, customer, currency, net)).id(), ISSUED);
    }

    private Payment pay(TenantId tenant, String key, UUID customer, String method, String amount, String currency,
            int dayOfMarch) {
        return payments.record(tenant, new PaymentRequest(key, customer, method, Money.of(amount, currency),
                LocalDate.of(2026, 3, dayOfMarch), null, null));
    }

    private static SalesOrder order(String orderId, UUID customer, String currency, String net) {
        return new SalesOrder(orderId, customer, currency, ISSUED, null,
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal(net), null, new BigDecimal("19"))));
    }
}
