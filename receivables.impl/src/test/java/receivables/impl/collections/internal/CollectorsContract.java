package receivables.impl.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.ConflictException;
import receivables.api.TenantId;
import receivables.api.collections.AmountBasis;
import receivables.api.collections.CollectorReport;
import receivables.api.collections.CollectorReportRow;
import receivables.api.collections.CollectorRule;
import receivables.api.collections.CollectorRuleRun;
import receivables.api.collections.PromiseStatus;
import receivables.api.credit.CreditNoteRequest;
import receivables.api.customer.BillingAddress;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRequest;
import receivables.impl.background.internal.Leases;
import receivables.impl.background.internal.TestLeases;
import receivables.impl.ledger.OnLedger;

/**
 * Collectors on every database we support: customers assigned by ordered rules (first match wins) when they are
 * created or changed and by runs in batches, a hand's assignment kept unless a run overrides it, one run at a time,
 * and each collector's promises and collections over a period, checked against a ledger computed by hand.
 */
abstract class CollectorsContract extends OnLedger {

    static final TenantId TENANT = new TenantId("collectors");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    private final List<Leases> nodes = new ArrayList<>();
    private StoredCollectorRules rules;
    private StoredCollectionWork work;

    @BeforeEach
    void wireCollectors() {
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        // Batches of two, so that a run over a handful of customers pages through several.
        rules = new StoredCollectorRules(database, node("node-a"), new CollectorAssignment(clock), 2);
        work = new StoredCollectionWork(database, clock);
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (Leases leases : nodes) {
            leases.deactivate();
        }
    }

    private Leases node(String name) {
        Leases leases = TestLeases.running(database, name);
        nodes.add(leases);
        return leases;
    }

    @Test
    void rulesAreKeptInTheirOrderAndReplacedWhole() {
        List<CollectorRule> stored = rules.replace(TENANT, List.of(
                new CollectorRule(" ann ", "RETAIL", " ", null, "EUR", AmountBasis.OVERDUE, new BigDecimal("100"), null),
                new CollectorRule("bob", null, "li", "CN", null, null, null, null)));
        assertThat(stored).containsExactly(
                new CollectorRule("ann", "RETAIL", null, null, "EUR", AmountBasis.OVERDUE, new BigDecimal("100.00"), null),
                new CollectorRule("bob", null, "li", "CN", null, AmountBasis.OPEN, null, null));
        assertThat(rules.rules(TENANT)).isEqualTo(stored);
        assertThat(rules.rules(new TenantId("other"))).isEmpty();
        assertThat(rules.replace(TENANT, List.of(stored.get(1)))).containsExactly(stored.get(1));
        assertThat(rules.replace(TENANT, List.of())).isEmpty();
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndNothingChanges() {
        List<CollectorRule> kept = rules.replace(TENANT, List.of(rule("ann", "RETAIL")));
        assertRefused(() -> rules.replace(TENANT, null), "rules");
        assertRefused(() -> rules.replace(TENANT, Arrays.asList(rule("ann", null), null)), "rules[1]");
        assertRefused(() -> rules.replace(TENANT, List.of(rule(" ", null))), "rules[0].collector");
        assertRefused(() -> rules.replace(TENANT, List.of(rule("ann\u0007", null))), "rules[0].collector");
        assertRefused(() -> rules.replace(TENANT, List.of(rule("x".repeat(201), null))), "rules[0].collector");
        assertRefused(() -> rules.replace(TENANT, List.of(rule("ann", "R\0"))), "rules[0].segment");
        assertRefused(() -> rules.replace(TENANT, List.of(rule("ann", null),
                new CollectorRule("bob", null, null, null, null, null, BigDecimal.ONE, null))), "rules[1].currency");
        assertRefused(() -> rules.replace(TENANT, List.of(new CollectorRule("bob", null, null, "de", null, null, null,
                null))), "rules[0].country");
        assertRefused(() -> rules.replace(TENANT, List.of(new CollectorRule("bob", null, null, null, "EURO", null, null,
                null))), "rules[0].currency");
        assertRefused(() -> rules.replace(TENANT, List.of(new CollectorRule("bob", null, null, null, "EUR", null,
                new BigDecimal("-1"), null))), "rules[0].minAmount");
        assertRefused(() -> rules.replace(TENANT, List.of(new CollectorRule("bob", null, null, null, "JPY", null,
                null, new BigDecimal("1.5")))), "rules[0].maxAmount");
        assertRefused(() -> rules.replace(TENANT, List.of(new CollectorRule("bob", null, null, null, "EUR", null,
                new BigDecimal("100"), new BigDecimal("100")))), "rules[0].maxAmount");
        assertRefused(() -> rules.replace(TENANT, List.of(new CollectorRule("bob", null, null, null, "EUR", null,
                new BigDecimal("1e300"), null))), "rules[0].minAmount");
        assertThat(rules.rules(TENANT)).isEqualTo(kept);
    }

    @Test
    void theFirstMatchingRuleAssignsACustomerWhenItIsCreatedOrChanges() {
        rules.replace(TENANT, List.of(new CollectorRule("ann", "RETAIL", "li", null, null, null, null, null),
                rule("bob", "RETAIL"), new CollectorRule("chen", null, null, "CN", null, null, null, null)));
        UUID li = customer("Li Retail", "li", "RETAIL", null);
        UUID other = customer("Other Retail", "wang", "RETAIL", "CN");
        UUID chinese = customer("Shanghai Trading", null, null, "CN");
        UUID nobody = customer("Nobody", null, "WHOLESALE", "DE");
        assertThat(collectorOf(li)).isEqualTo("ann");
        assertThat(collectorOf(other)).as("the first that matches, though the third does too").isEqualTo("bob");
        assertThat(collectorOf(chinese)).isEqualTo("chen");
        assertThat(collectorOf(nobody)).isNull();

        change(li, "Li Retail", "wang", "RETAIL", null);
        assertThat(collectorOf(li)).isEqualTo("bob");
        change(other, "Other Retail", "wang", "WHOLESALE", "CN");
        assertThat(collectorOf(other)).isEqualTo("chen");
        change(other, "Other Retail", "wang", "WHOLESALE", "DE");
        assertThat(collectorOf(other)).as("a rule's assignment goes when no rule matches any more").isNull();
    }

    @Test
    void aManualAssignmentStaysUntilARunIsToldToOverrideIt() {
        rules.replace(TENANT, List.of(rule("bob", "RETAIL")));
        UUID customer = customer("Retail One", null, "RETAIL", null);
        assertThat(collectorOf(customer)).isEqualTo("bob");
        customers.assignCollector(TENANT, customer, "carol");
        change(customer, "Retail One Ltd", null, "RETAIL", null);
        assertThat(collectorOf(customer)).as("a change does not undo a hand's assignment").isEqualTo("carol");

        assertThat(rules.apply(TENANT, false)).isEqualTo(new CollectorRuleRun(1, 0, 0, 0, 1));
        assertThat(collectorOf(customer)).isEqualTo("carol");
        assertThat(rules.apply(TENANT, true)).isEqualTo(new CollectorRuleRun(1, 1, 0, 0, 0));
        assertThat(collectorOf(customer)).isEqualTo("bob");
        assertThat(rules.apply(TENANT, false)).as("overridden, it follows the rules")
                .isEqualTo(new CollectorRuleRun(1, 0, 0, 1, 0));

        customers.assignCollector(TENANT, customer, "carol");
        customers.assignCollector(TENANT, customer, null);
        assertThat(collectorOf(customer)).as("unassigned by hand, it goes back to the rules").isEqualTo("bob");
    }

    @Test
    void aRunWeighsWhatEachCustomerOwesInItsOwnCurrencyBatchByBatch() {
        UUID late = customer("Late Payer", null, null, null);
        UUID early = customer("Not Due Yet", null, null, null);
        UUID clear = customer("Owes Nothing", null, null, null);
        UUID later = customer("Late Too", null, null, null);
        UUID small = customer("Small And Late", null, null, null);
        issue("L-1", late, LocalDate.of(2026, 2, 1));
        issue("L-2", later, LocalDate.of(2026, 3, 10));
        issue("E-1", early, LocalDate.of(2026, 3, 30));
        issue("S-1", small, LocalDate.of(2026, 2, 1));
        payments.record(TENANT, new PaymentRequest("S-pays", small, "BANK_TRANSFER", Money.of("20.00", "EUR"),
                LocalDate.of(2026, 3, 1), null, List.of()));
        // Overdue on 31 March: Late Payer 119.00 (due 15 February), Small And Late 99.00; Late Too is due 24 March,
        // overdue too, 119.00; Not Due Yet owes 119.00 due 13 April.
        rules.replace(TENANT, List.of(
                new CollectorRule("senior", null, null, null, "EUR", AmountBasis.OVERDUE, new BigDecimal("100"), null),
                new CollectorRule("junior", null, null, null, "EUR", AmountBasis.OPEN, new BigDecimal("0.01"),
                        new BigDecimal("119.01")),
                new CollectorRule("never", null, null, null, "USD", null, null, null)));

        assertThat(rules.apply(TENANT, false)).isEqualTo(new CollectorRuleRun(5, 4, 0, 1, 0));
        assertThat(collectorOf(late)).isEqualTo("senior");
        assertThat(collectorOf(later)).isEqualTo("senior");
        assertThat(collectorOf(small)).as("99.00 overdue is below 100, and open it is within junior's range")
                .isEqualTo("junior");
        assertThat(collectorOf(early)).isEqualTo("junior");
        assertThat(collectorOf(clear)).isNull();

        payments.record(TENANT, new PaymentRequest("S-pays-rest", small, "BANK_TRANSFER", Money.of("99.00", "EUR"),
                LocalDate.of(2026, 3, 31), null, List.of()));
        assertThat(rules.apply(TENANT, false)).isEqualTo(new CollectorRuleRun(5, 0, 1, 4, 0));
        assertThat(collectorOf(small)).isNull();
    }

    @Test
    void oneRunOfATenantsRulesAtATime() {
        rules.replace(TENANT, List.of(rule("bob", null)));
        UUID customer = customer("Anyone", null, null, null);
        AtomicReference<Throwable> refused = new AtomicReference<>();
        boolean held = node("node-b").runLeased(TENANT, StoredCollectorRules.WORK, lease -> {
            try {
                rules.apply(TENANT, true);
            } catch (RuntimeException e) {
                refused.set(e);
            }
        });
        assertThat(held).isTrue();
        assertThat(refused.get()).isInstanceOf(ConflictException.class);
        assertThat(rules.apply(TENANT, true)).isEqualTo(new CollectorRuleRun(1, 0, 0, 1, 0));
        assertThat(collectorOf(customer)).isEqualTo("bob");
    }

    /**
     * The ledger, by hand (every invoice 119.00 EUR, due 24 January; the period is March 2026):
     * <ul>
     * <li>ann's A1 pays 50.00 on 20 February (before the period) and 40.00 on 5 March; A2 pays 29.00 on 31 March and
     * 10.00 on 1 April (after it): ann collected 40.00 + 29.00 = 69.00;</li>
     * <li>bob's B1 pays 60.00 on 10 March, which goes back on 12 March, and 20.00 on 15 March: bob collected 20.00;</li>
     * <li>U, without a collector, pays 119.00 on 20 March; a credit note of 10.00 to A1 on 6 March collects nothing.</li>
     * </ul>
     * Promises due in March: A1's 100.00 by 10 March kept, A2's 30.00 by 20 March broken, A1's 15.00 by 31 March open,
     * B1's 25.00 by 1 March broken; A2's 70.00 by 5 April and B1's 5.00 by 28 February fall outside. So ann: 1 kept,
     * 1 broken, 1 open, 130.00 promised; bob: 0, 1, 0, 25.00.
     */
    @Test
    void eachCollectorsPromisesAndCollectionsAddUpAsComputedByHand() {
        UUID a1 = customer("A1", null, null, null);
        UUID a2 = customer("A2", null, null, null);
        UUID b1 = customer("B1", null, null, null);
        UUID u = customer("U", null, null, null);
        customers.assignCollector(TENANT, a1, "ann");
        customers.assignCollector(TENANT, a2, "ann");
        customers.assignCollector(TENANT, b1, "bob");
        LocalDate issued = LocalDate.of(2026, 1, 10);
        Invoice a1Invoice = issue("A1-1", a1, issued);
        issue("A2-1", a2, issued);
        issue("B1-1", b1, issued);
        issue("U-1", u, issued);
        pay(a1, "50.00", LocalDate.of(2026, 2, 20));
        pay(a1, "40.00", LocalDate.of(2026, 3, 5));
        pay(a2, "29.00", LocalDate.of(2026, 3, 31));
        pay(a2, "10.00", LocalDate.of(2026, 4, 1));
        Payment goesBack = pay(b1, "60.00", LocalDate.of(2026, 3, 10));
        payments.reverse(TENANT, goesBack.id(), "returned by the bank", LocalDate.of(2026, 3, 12));
        pay(b1, "20.00", LocalDate.of(2026, 3, 15));
        pay(u, "119.00", LocalDate.of(2026, 3, 20));
        creditNotes.issue(TENANT, a1Invoice.id(), new CreditNoteRequest(eur("10.00"), "goodwill", LocalDate.of(2026, 3, 6)));
        promise(a1, "100.00", LocalDate.of(2026, 3, 10), PromiseStatus.KEPT);
        promise(a2, "30.00", LocalDate.of(2026, 3, 20), PromiseStatus.BROKEN);
        promise(a1, "15.00", LocalDate.of(2026, 3, 31), PromiseStatus.OPEN);
        promise(b1, "25.00", LocalDate.of(2026, 3, 1), PromiseStatus.BROKEN);
        promise(a2, "70.00", LocalDate.of(2026, 4, 5), PromiseStatus.KEPT);
        promise(b1, "5.00", LocalDate.of(2026, 2, 28), PromiseStatus.BROKEN);

        LocalDate from = LocalDate.of(2026, 3, 1);
        CollectorReport report = work.collectorReport(TENANT, from, TODAY, null);
        assertThat(report.rows()).containsExactly(
                new CollectorReportRow("ann", "EUR", 1, 1, 1, eur("130.00"), eur("69.00")),
                new CollectorReportRow("bob", "EUR", 0, 1, 0, eur("25.00"), eur("20.00")),
                new CollectorReportRow(null, "EUR", 0, 0, 0, eur("0.00"), eur("119.00")));
        assertThat(work.collectorReport(TENANT, from, TODAY, "bob").rows()).containsExactly(
                new CollectorReportRow("bob", "EUR", 0, 1, 0, eur("25.00"), eur("20.00")));
        assertThat(work.collectorReport(TENANT, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), null).rows())
                .containsExactly(new CollectorReportRow("ann", "EUR", 1, 0, 0, eur("70.00"), eur("10.00")));
        assertThat(work.collectorReport(new TenantId("other"), from, TODAY, null).rows()).isEmpty();

        assertRefused(() -> work.collectorReport(TENANT, TODAY, from, null), "to");
        assertRefused(() -> work.collectorReport(TENANT, null, TODAY, null), "from");
        assertRefused(() -> work.collectorReport(TENANT, LocalDate.of(2020, 1, 1), TODAY, null), "to");
    }

    private static CollectorRule rule(String collector, String segment) {
        return new CollectorRule(collector, segment, null, null, null, null, null, null);
    }

    private UUID customer(String name, String salesperson, String segment, String country) {
        return customers.create(TENANT, details(name, salesperson, segment, country)).id();
    }

    private void change(UUID customer, String name, String salesperson, String segment, String country) {
        customers.update(TENANT, customer, details(name, salesperson, segment, country), null);
    }

    private static CustomerRequest details(String name, String salesperson, String segment, String country) {
        return new CustomerRequest(null, name, null, null, "EUR", null, null,
                country == null ? null : new BillingAddress("1 Main Street", null, "1000", "City", null, country),
                salesperson, segment, null, null, null, null, null);
    }

    private String collectorOf(UUID customer) {
        return customers.find(TENANT, customer).orElseThrow().collector();
    }

    /** An invoice of 100.00 net and 19 % tax, due 14 days after {@code issued}. */
    private Invoice issue(String orderId, UUID customer, LocalDate issued) {
        Invoice draft = invoices.createFromOrder(TENANT, new SalesOrder(orderId, customer, "EUR", issued, "NET14",
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"), null, new BigDecimal("19")))));
        return invoices.issue(TENANT, draft.id(), issued);
    }

    private Payment pay(UUID customer, String amount, LocalDate valueDate) {
        return payments.record(TENANT, new PaymentRequest(UUID.randomUUID().toString(), customer, "BANK_TRANSFER",
                eur(amount), valueDate, null, List.of()));
    }

    /** A promise, settled as the dunning run would have settled it. */
    private void promise(UUID customer, String amount, LocalDate promisedFor, PromiseStatus status) {
        UUID id = work.promise(TENANT, customer, new BigDecimal(amount), promisedFor, null).id();
        database.inTransaction(TENANT, (session, tx) -> {
            session.createNativeMutationQuery("update promise_to_pay set status = :status where tenant_id = :tenant"
                            + " and id = :id").setParameter("status", status.name())
                    .setParameter("tenant", TENANT.value()).setParameter("id", id).executeUpdate();
        });
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
