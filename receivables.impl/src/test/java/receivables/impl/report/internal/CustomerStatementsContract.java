package receivables.impl.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.credit.CreditNote;
import receivables.api.credit.CreditNoteRequest;
import receivables.api.customer.CustomerRequest;
import receivables.api.fx.ExchangeRate;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRequest;
import receivables.api.report.AgingBucket;
import receivables.api.report.AgingReport;
import receivables.api.report.AgingRow;
import receivables.api.report.CustomerStatement;
import receivables.api.report.OpenItem;
import receivables.api.report.StatementMovement;
import receivables.impl.ledger.OnLedger;

/**
 * Customer statements and open items on every database we support, built from invoices and payments
 * recorded through the ledger's own services: balances that add up, periods that join, credits, and open
 * items that agree with the aging report. Invoices are net plus 19 % tax: 100.00 net is 119.00 owed.
 */
abstract class CustomerStatementsContract extends OnLedger {

    static final TenantId TENANT = new TenantId("statements");
    static final TenantId OTHER = new TenantId("other");

    SqlCustomerStatements statements;

    @BeforeEach
    void wireStatements() {
        statements = new SqlCustomerStatements(database);
        // Invoices in a currency other than the functional EUR are issued at the day's rate.
        for (TenantId tenant : List.of(TENANT, OTHER)) {
            rates.enter(tenant, List.of(new ExchangeRate("USD", LocalDate.of(2000, 1, 1), new BigDecimal("0.9"))));
        }
    }

    @Test
    void openingPlusMovementsIsClosingForAPeriodInTheMiddleOfTheHistory() {
        UUID customer = customer(TENANT, "Middle GmbH");
        issued(TENANT, "SO-1", customer, "EUR", "100.00", day(1, 10));
        Payment january = pay(TENANT, "pay-jan", customer, "EUR", "50.00", day(1, 20));
        // Recorded before the invoice of the same day, and still listed after it.
        Payment firstDay = pay(TENANT, "pay-feb-1", customer, "EUR", "100.00", day(2, 1));
        Invoice february = issued(TENANT, "SO-2", customer, "EUR", "200.00", day(2, 1));
        Invoice mid = issued(TENANT, "SO-3", customer, "EUR", "300.00", day(2, 15));
        List<Payment> lastDay = Stream.of(pay(TENANT, "pay-feb-28a", customer, "EUR", "19.00", day(2, 28)),
                        pay(TENANT, "pay-feb-28b", customer, "EUR", "1.00", day(2, 28)))
                .sorted(Comparator.comparing(Payment::number)).toList();
        issued(TENANT, "SO-4", customer, "EUR", "400.00", day(3, 10));
        Payment march = pay(TENANT, "pay-mar", customer, "EUR", "500.00", day(3, 15));
        invoices.createFromOrder(TENANT, order("SO-DRAFT", customer, "EUR", "999.00", day(2, 10), null));

        CustomerStatement statement = statements.statement(TENANT, customer, "EUR", day(2, 1), day(2, 28));

        assertThat(statement.customerId()).isEqualTo(customer);
        assertThat(statement.customerName()).isEqualTo("Middle GmbH");
        assertThat(statement.currency()).isEqualTo("EUR");
        assertThat(statement.openingBalance()).isEqualTo(eur("69.00"));
        Money afterFirstOfTheLastDay = eur("564.00").minus(lastDay.get(0).amount());
        assertThat(statement.movements())
                .extracting(StatementMovement::date, StatementMovement::kind, StatementMovement::reference,
                        movement -> movement.debit().toString(), movement -> movement.credit().toString(),
                        movement -> movement.balance().toString())
                .containsExactly(
                        tuple(day(2, 1), "INVOICE", february.number(), "238.00 EUR", "0.00 EUR", "307.00 EUR"),
                        tuple(day(2, 1), "PAYMENT", firstDay.number(), "0.00 EUR", "100.00 EUR", "207.00 EUR"),
                        tuple(day(2, 15), "INVOICE", mid.number(), "357.00 EUR", "0.00 EUR", "564.00 EUR"),
                        tuple(day(2, 28), "PAYMENT", lastDay.get(0).number(), "0.00 EUR",
                                lastDay.get(0).amount().toString(), afterFirstOfTheLastDay.toString()),
                        tuple(day(2, 28), "PAYMENT", lastDay.get(1).number(), "0.00 EUR",
                                lastDay.get(1).amount().toString(), "544.00 EUR"));
        Money debits = total(statement.movements(), StatementMovement::debit, "EUR");
        Money credits = total(statement.movements(), StatementMovement::credit, "EUR");
        assertThat(statement.closingBalance()).isEqualTo(eur("544.00"))
                .isEqualTo(statement.openingBalance().plus(debits).minus(credits));

        // Periods join without a gap, and the whole history ends where the ledger says the customer stands.
        assertThat(statements.statement(TENANT, customer, "EUR", day(3, 1), day(3, 31)).openingBalance())
                .isEqualTo(statement.closingBalance());
        LocalDate end = day(12, 31);
        CustomerStatement whole = statements.statement(TENANT, customer, "EUR", day(1, 1), end);
        assertThat(whole.openingBalance()).isEqualTo(eur("0.00"));
        Money open = total(statements.openItems(TENANT, customer, end), OpenItem::open, "EUR");
        Money credit = total(Stream.of(january, firstDay, lastDay.get(0), lastDay.get(1), march)
                .map(payment -> payments.find(TENANT, payment.id()).orElseThrow()).toList(), Payment::unallocated, "EUR");
        assertThat(credit.isPositive()).isTrue();
        assertThat(whole.closingBalance()).isEqualTo(eur("520.00")).isEqualTo(open.minus(credit));
    }

    @Test
    void aDaysInvoicesComeBeforeItsCreditNotesAndPaymentsWhateverTheirReferences() {
        UUID customer = customer(TENANT, "Same Day Ltd");
        LocalDate day = day(4, 1);
        Payment paid = pay(TENANT, "same-day", customer, "EUR", "1.00", day);
        Invoice invoice = issued(TENANT, "SO-1", customer, "EUR", "100.00", day);
        // CN-... sorts before INV-...: only the kind of movement can put the invoice first.
        CreditNote note = creditNotes.issue(TENANT, invoice.id(), new CreditNoteRequest(eur("10.00"), "damaged", day));

        CustomerStatement statement = statements.statement(TENANT, customer, "EUR", day, day);

        assertThat(note.number()).isLessThan(invoice.number());
        assertThat(statement.movements()).extracting(StatementMovement::reference)
                .containsExactly(invoice.number(), note.number(), paid.number());
        assertThat(paid.number()).isEqualTo("PAY-2026-000001");
    }

    @Test
    void aPaymentBeforeTheFirstDayLowersTheOpeningBalance() {
        UUID customer = customer(TENANT, "Early Payer");
        issued(TENANT, "SO-1", customer, "EUR", "100.00", day(1, 10));
        assertThat(statements.statement(TENANT, customer, "EUR", day(2, 1), day(2, 28)).openingBalance())
                .isEqualTo(eur("119.00"));

        pay(TENANT, "before", customer, "EUR", "40.00", day(1, 31));
        Payment onTheFirstDay = pay(TENANT, "on-from", customer, "EUR", "10.00", day(2, 1));
        CustomerStatement statement = statements.statement(TENANT, customer, "EUR", day(2, 1), day(2, 28));

        assertThat(statement.openingBalance()).isEqualTo(eur("79.00"));
        assertThat(statement.movements()).singleElement().satisfies(movement -> {
            assertThat(movement.reference()).isEqualTo(onTheFirstDay.number());
            assertThat(movement.credit()).isEqualTo(eur("10.00"));
            assertThat(movement.balance()).isEqualTo(eur("69.00"));
        });
        assertThat(statement.closingBalance()).isEqualTo(eur("69.00"));
    }

    @Test
    void anOverpaymentLeavesTheCustomerInCredit() {
        UUID customer = customer(TENANT, "Generous Ltd");
        issued(TENANT, "SO-1", customer, "EUR", "100.00", day(1, 10));
        Payment payment = pay(TENANT, "too-much", customer, "EUR", "200.00", day(1, 20));

        CustomerStatement january = statements.statement(TENANT, customer, "EUR", day(1, 1), day(1, 31));

        assertThat(january.movements()).extracting(movement -> movement.balance().toString())
                .containsExactly("119.00 EUR", "-81.00 EUR");
        assertThat(january.closingBalance()).isEqualTo(eur("-81.00"))
                .isEqualTo(payment.unallocated().negate());
        CustomerStatement february = statements.statement(TENANT, customer, "EUR", day(2, 1), day(2, 28));
        assertThat(february.openingBalance()).isEqualTo(eur("-81.00"));
        assertThat(february.movements()).isEmpty();
        assertThat(february.closingBalance()).isEqualTo(eur("-81.00"));
    }

    @Test
    void otherCurrenciesCustomersAndTenantsNeverAppear() {
        UUID customer = customer(TENANT, "Two Currencies SA");
        UUID neighbour = customer(TENANT, "Neighbour");
        Invoice euros = issued(TENANT, "SO-EUR", customer, "EUR", "100.00", day(2, 3));
        Invoice dollars = issued(TENANT, "SO-USD", customer, "USD", "500.00", day(2, 4));
        pay(TENANT, "usd-before", customer, "USD", "70.00", day(1, 5));
        Payment dollarPayment = pay(TENANT, "usd", customer, "USD", "50.00", day(2, 5));
        issued(TENANT, "SO-N", neighbour, "EUR", "300.00", day(2, 6));
        pay(TENANT, "neighbour", neighbour, "EUR", "30.00", day(1, 6));
        issued(OTHER, "SO-EUR", customer(OTHER, "Stranger"), "EUR", "700.00", day(2, 3));

        CustomerStatement inEuros = statements.statement(TENANT, customer, "EUR", day(2, 1), day(2, 28));
        CustomerStatement inDollars = statements.statement(TENANT, customer, "USD", day(2, 1), day(2, 28));

        assertThat(inEuros.openingBalance()).isEqualTo(eur("0.00"));
        assertThat(inEuros.movements()).extracting(StatementMovement::reference).containsExactly(euros.number());
        assertThat(inEuros.closingBalance()).isEqualTo(eur("119.00"));
        assertThat(inDollars.openingBalance()).isEqualTo(Money.of("-70.00", "USD"));
        assertThat(inDollars.movements()).extracting(StatementMovement::reference)
                .containsExactly(dollars.number(), dollarPayment.number());
        assertThat(inDollars.closingBalance()).isEqualTo(Money.of("475.00", "USD"));
        assertThatThrownBy(() -> statements.statement(OTHER, customer, "EUR", day(2, 1), day(2, 28)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(fields(e)).containsExactly("customerId"));

        // Native SQL is not filtered by Hibernate: the same ids under another tenant (ten times the amounts)
        // must stay that tenant's. Only rows copied by hand can share ids across tenants.
        List<OpenItem> openItems = statements.openItems(TENANT, customer, day(2, 28));
        TenantId shadow = new TenantId("shadow");
        copyRowsTenfold(TENANT, shadow);
        assertThat(statements.statement(TENANT, customer, "EUR", day(2, 1), day(2, 28))).isEqualTo(inEuros);
        assertThat(statements.statement(TENANT, customer, "USD", day(2, 1), day(2, 28))).isEqualTo(inDollars);
        assertThat(statements.openItems(TENANT, customer, day(2, 28))).isEqualTo(openItems);
        assertThat(statements.statement(shadow, customer, "USD", day(2, 1), day(2, 28)).closingBalance())
                .isEqualTo(Money.of("4750.00", "USD"));
        assertThat(statements.openItems(shadow, customer, day(2, 28))).extracting(item -> item.open().toString())
                .containsExactly("1190.00 EUR", "4750.00 USD");
    }

    @Test
    void openItemsWithDaysOverdueAgreeWithTheAgingReport() {
        terms.define(TENANT, "THIRDS", "Three equal installments, 30 days apart", "3x30");
        UUID customer = customer(TENANT, "Open Items AG");
        UUID neighbour = customer(TENANT, "Neighbour");
        LocalDate asOf = day(6, 30);
        Invoice notYetDue = issued(TENANT, "SO-CUR", customer, "EUR", "100.00", day(6, 20));      // due 07-20
        Invoice recent = issued(TENANT, "SO-REC", customer, "EUR", "200.00", day(5, 20));         // due 06-19
        Invoice thirds = invoices.issue(TENANT, invoices.createFromOrder(TENANT,
                order("SO-3RD", customer, "EUR", "300.00", day(3, 1), "THIRDS")).id(), day(3, 2)); // due 04-01, 05-01, 05-31
        Invoice paidOff = issued(TENANT, "SO-OLD", customer, "EUR", "400.00", day(1, 2));         // due 02-01
        issued(TENANT, "SO-LATE", customer, "EUR", "500.00", day(7, 2));                          // issued after the day
        Invoice dollars = issued(TENANT, "SO-USD", customer, "USD", "50.00", day(6, 1));          // due 07-01
        issued(TENANT, "SO-N", neighbour, "EUR", "1000.00", day(6, 1));
        // 476.00 settles the oldest invoice, 24.00 goes to the first third; the later payment comes after the day.
        pay(TENANT, "june", customer, "EUR", "500.00", day(6, 1));
        pay(TENANT, "july", customer, "EUR", "100.00", day(7, 15));

        List<OpenItem> items = statements.openItems(TENANT, customer, asOf);

        assertThat(items).extracting(OpenItem::invoiceNumber, OpenItem::installment, OpenItem::dueDate,
                        item -> item.amount().toString(), item -> item.open().toString(), OpenItem::daysOverdue)
                .containsExactly(
                        tuple(thirds.number(), 1, day(4, 1), "119.00 EUR", "95.00 EUR", 90),
                        tuple(thirds.number(), 2, day(5, 1), "119.00 EUR", "119.00 EUR", 60),
                        tuple(thirds.number(), 3, day(5, 31), "119.00 EUR", "119.00 EUR", 30),
                        tuple(recent.number(), 1, day(6, 19), "238.00 EUR", "238.00 EUR", 11),
                        tuple(dollars.number(), 1, day(7, 1), "59.50 USD", "59.50 USD", 0),
                        tuple(notYetDue.number(), 1, day(7, 20), "119.00 EUR", "119.00 EUR", 0));
        assertThat(items).extracting(OpenItem::invoiceId).doesNotContain(paidOff.id());
        assertThat(items.get(0).issueDate()).isEqualTo(day(3, 2));

        AgingReport report = aging.report(TENANT, asOf, List.of(30, 60, 90));
        List<AgingRow> rows = report.rows().stream().filter(row -> row.customerId().equals(customer)).toList();
        assertThat(rows).extracting(AgingRow::currency).containsExactlyInAnyOrder("EUR", "USD");
        assertThat(report.buckets().get(0)).isEqualTo(new AgingBucket("current", null, 0));
        for (AgingRow row : rows) {
            List<OpenItem> inCurrency = items.stream().filter(item -> item.open().currency().equals(row.currency())).toList();
            assertThat(total(inCurrency, OpenItem::open, row.currency())).as(row.currency()).isEqualTo(row.total());
            for (int i = 0; i < report.buckets().size(); i++) {
                AgingBucket bucket = report.buckets().get(i);
                List<OpenItem> inBucket = inCurrency.stream().filter(item -> bucket.holds(item.daysOverdue())).toList();
                assertThat(total(inBucket, OpenItem::open, row.currency())).as(row.currency() + " " + bucket.label())
                        .isEqualTo(row.buckets().get(i));
            }
        }

        // Due on the day is not yet overdue; a day later it is, and before the payment it was still open.
        assertThat(statements.openItems(TENANT, customer, day(2, 1))).extracting(OpenItem::invoiceId, OpenItem::daysOverdue)
                .containsExactly(tuple(paidOff.id(), 0));
        assertThat(statements.openItems(TENANT, customer, day(2, 2))).extracting(OpenItem::daysOverdue).containsExactly(1);
        assertThat(statements.openItems(TENANT, customer, day(5, 31))).first()
                .satisfies(item -> assertThat(item.open()).isEqualTo(eur("476.00")));
    }

    @Test
    void invalidRequestsNameTheField() {
        UUID customer = customer(TENANT, "Strict Oy");
        UUID stranger = customer(OTHER, "Stranger");

        assertFields(() -> statements.statement(TENANT, null, "EURO", null, null), "customerId", "currency", "from", "to");
        assertFields(() -> statements.statement(TENANT, customer, "eur", day(1, 1), day(1, 31)), "currency");
        assertFields(() -> statements.statement(TENANT, customer, "EUR", day(3, 1), day(2, 28)), "from");
        assertFields(() -> statements.statement(TENANT, customer, "EUR", LocalDate.of(2016, 1, 1), LocalDate.of(2026, 1, 1)),
                "to");
        assertThat(statements.statement(TENANT, customer, "EUR", LocalDate.of(2016, 1, 1), LocalDate.of(2025, 12, 31))
                .closingBalance()).isEqualTo(eur("0.00"));
        assertFields(() -> statements.statement(TENANT, UUID.randomUUID(), "EUR", day(1, 1), day(1, 31)), "customerId");
        assertFields(() -> statements.statement(TENANT, stranger, "EUR", day(1, 1), day(1, 31)), "customerId");

        assertFields(() -> statements.openItems(TENANT, null, null), "customerId", "asOf");
        assertFields(() -> statements.openItems(TENANT, stranger, day(1, 31)), "customerId");
        assertThat(statements.openItems(TENANT, customer, day(1, 31))).isEmpty();
    }

    private static void assertFields(ThrowingCallable request, String... fields) {
        assertThatThrownBy(request).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(fields(e)).containsExactlyInAnyOrder(fields));
    }

    private static List<String> fields(InvalidRequestException e) {
        return e.violations().stream().map(FieldViolation::field).toList();
    }

    /**
     * Copies every ledger row of {@code source} to {@code target} under the same ids, amounts times ten, as
     * only a hand-made copy can: the services give every row a fresh id.
     */
    private void copyRowsTenfold(TenantId source, TenantId target) {
        copy(source, target, "customer_account", List.of("id", "name", "currency", "version", "created_at", "updated_at"),
                List.of());
        copy(source, target, "invoice", List.of("id", "invoice_number", "order_id", "customer_id", "currency", "status",
                "terms_code", "order_date", "issue_date", "due_date", "net_amount", "tax_amount", "gross_amount",
                "open_amount", "version", "created_at", "updated_at"),
                List.of("net_amount", "tax_amount", "gross_amount", "open_amount"));
        copy(source, target, "installment", List.of("id", "invoice_id", "sequence_number", "customer_id", "currency",
                "issue_date", "due_date", "amount", "open_amount", "discount_until", "discount_amount", "version"),
                List.of("amount", "open_amount", "discount_amount"));
        copy(source, target, "payment", List.of("id", "payment_number", "idempotency_key", "customer_id", "method",
                "currency", "amount",
                "unallocated_amount", "value_date", "payer_reference", "version", "created_at"),
                List.of("amount", "unallocated_amount"));
        copy(source, target, "allocation", List.of("id", "payment_id", "invoice_id", "installment_id", "amount",
                "value_date", "allocated_at", "customer_id", "currency", "issue_date", "due_date"), List.of("amount"));
    }

    private void copy(TenantId source, TenantId target, String table, List<String> columns, List<String> amounts) {
        String selected = columns.stream().map(column -> amounts.contains(column) ? column + " * 10" : column)
                .collect(Collectors.joining(", "));
        database.inTransaction(source, session -> session.createNativeMutationQuery("insert into " + table
                        + " (tenant_id, " + String.join(", ", columns) + ") select :target, " + selected + " from " + table
                        + " where tenant_id = :source")
                .setParameter("target", target.value())
                .setParameter("source", source.value())
                .executeUpdate());
    }

    private UUID customer(TenantId tenant, String name) {
        return customers.create(tenant, CustomerRequest.of(null, name, null, null, "EUR")).id();
    }

    private Invoice issued(TenantId tenant, String orderId, UUID customer, String currency, String net, LocalDate issueDate) {
        Invoice draft = invoices.createFromOrder(tenant, order(orderId, customer, currency, net, issueDate.minusDays(1), null));
        return invoices.issue(tenant, draft.id(), issueDate);
    }

    /** Records a payment allocated oldest due first; the same key again returns it as recorded. */
    private Payment pay(TenantId tenant, String key, UUID customer, String currency, String amount, LocalDate valueDate) {
        return payments.record(tenant, new PaymentRequest(key, customer, "BANK_TRANSFER", Money.of(amount, currency),
                valueDate, null, List.of()));
    }

    private static SalesOrder order(String orderId, UUID customer, String currency, String net, LocalDate orderDate,
            String termsCode) {
        return new SalesOrder(orderId, customer, currency, orderDate, termsCode,
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal(net), null, new BigDecimal("19"))));
    }

    private static <T> Money total(List<T> items, Function<T, Money> amount, String currency) {
        return items.stream().map(amount).reduce(Money.zero(currency), Money::plus);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }
}
