package receivables.impl.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.TenantId;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRequest;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.persistence.internal.StatementRecorder;
import receivables.impl.persistence.internal.TestDatabase;

/**
 * What recording one payment sends to the database. Every payment of a tenant and year waits for the lock on the
 * payment counter, held from the number's reservation to the commit: after it, nothing may be read but the audit
 * chain's head, and the statements of the whole request are counted, so that a read-back or a round trip per row
 * creeping into the path fails here rather than in the payments load of receivables.bench.
 */
public abstract class PaymentRoundTripsContract {

    private static final TenantId TENANT = new TenantId("trips");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /**
     * The invoices locked with their open installments, the counter (created for the year), the payment, allocation,
     * journal entry and lines, installment and invoice (a statement for both installments, both invoices and both
     * allocations), the audit chain's head moved and the records appended in one statement, which H2 spreads over
     * three (the head locked, the records, the head moved). Nothing looks for the idempotency key (its unique index
     * refuses a second payment) or for the customer (the open installments of the customer's invoices prove it).
     */
    private static final int STATEMENTS_ON_POSTGRES = 10;

    private final StatementRecorder statements = new StatementRecorder();

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase().recording(statements);

    protected abstract TestDatabase testDatabase();

    @Test
    void aPaymentToTwoInvoicesReadsNothingBackUnderTheCounterLockAndAnswersWhatIsStored() {
        LedgerFixture ledger = LedgerFixture.on(testDatabase.get());
        CustomerAccount customer = ledger.customers().create(TENANT, CustomerRequest.of(null, "Trips AG", null, null, "EUR"));
        Invoice older = issued(ledger, customer, "SO-TRIP-1", DAY);
        Invoice newer = issued(ledger, customer, "SO-TRIP-2", DAY.plusDays(3));
        statements.clear();

        Payment payment = ledger.payments().record(TENANT, new PaymentRequest("trip-1", customer.id(), "BANK_TRANSFER",
                Money.of("80.00", "EUR"), DAY.plusDays(5), null, List.of(
                        new AllocationTarget(newer.id(), null, Money.of("30.00", "EUR")),
                        new AllocationTarget(older.id(), null, Money.of("50.00", "EUR")))));

        List<String> sent = statements.prepared().stream().map(sql -> sql.toLowerCase(Locale.ROOT).strip()).toList();
        int counter = sent.indexOf(sent.stream().filter(sql -> sql.contains("payment_number_sequence")).findFirst()
                .orElseThrow());
        assertThat(sent.subList(counter + 1, sent.size())).as("read after the payment counter was locked")
                .filteredOn(sql -> sql.startsWith("select") || sql.startsWith("with"))
                .allMatch(sql -> sql.contains("audit_chain_head"));
        assertThat(sent).as("statements of one payment")
                .hasSize(STATEMENTS_ON_POSTGRES + (testDatabase.postgres() ? 0 : 2));
        assertThat(payment).as("the answer is what a read gives").isEqualTo(ledger.payments().find(TENANT, payment.id())
                .orElseThrow());
        assertThat(payment.allocations()).extracting(allocation -> allocation.invoiceId())
                .as("oldest due first").containsExactly(older.id(), newer.id());
    }

    private static Invoice issued(LedgerFixture ledger, CustomerAccount customer, String order, LocalDate day) {
        Invoice invoice = ledger.invoices().createFromOrder(TENANT, new SalesOrder(order, customer.id(), "EUR", day, null,
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"), null, BigDecimal.TEN))));
        return ledger.invoices().issue(TENANT, invoice.id(), day);
    }
}
