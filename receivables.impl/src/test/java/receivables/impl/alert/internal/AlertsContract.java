package receivables.impl.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.service.event.Event;

import receivables.api.EventTopics;
import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.PaymentRequest;
import receivables.impl.approval.internal.FourEyesFixture;
import receivables.impl.background.internal.Leases;
import receivables.impl.background.internal.TestLeases;
import receivables.impl.event.internal.RecordedEvents;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TestTenants;

/**
 * The alerts on every database we support: installments announced once per level as they become overdue in the
 * tenant's time zone (rerun and second node post nothing twice, a jump announces the highest level only), large
 * payments by the tenant's threshold, and invoices issued over the credit limit.
 */
abstract class AlertsContract {

    static final TenantId TENANT = new TenantId("alerts");
    static final TenantId OTHER = new TenantId("alerts-other");

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase();

    private final List<Leases> nodes = new ArrayList<>();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-03-01T00:00:00Z"));
    private RecordedEvents recorded;
    private TenantDirectory tenants;
    private AlertRules rules;
    private LedgerFixture ledger;

    protected abstract TestDatabase testDatabase();

    @BeforeEach
    void wire() {
        rules = new AlertRules();
        rules.addTenant(new TenantAlerts(TENANT, List.of(1, 30), Map.of("EUR", new BigDecimal("10000"))));
        recorded = new RecordedEvents().withLargePayments(rules);
        tenants = TestTenants.warningOnly("Asia/Shanghai", TENANT, OTHER);
        ledger = LedgerFixture.on(testDatabase.get(), tenants, FourEyesFixture.off(testDatabase.get()), recorded.events());
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (Leases leases : nodes) {
            leases.deactivate();
        }
    }

    private OverdueAlerts node(String name) {
        Leases leases = TestLeases.running(testDatabase.get(), name);
        nodes.add(leases);
        return new OverdueAlerts(testDatabase.get(), leases, tenants, rules, recorded.events(), clock, 0);
    }

    @Test
    void anInstallmentIsAnnouncedOncePerLevelAsItBecomesOverdueInTheTenantsTimeZone() {
        UUID customer = customer(TENANT, null);
        Invoice march = issue(TENANT, "M-1", customer, LocalDate.of(2026, 3, 2));
        Invoice old = issue(TENANT, "OLD-1", customer, LocalDate.of(2025, 12, 1));
        Invoice paid = issue(TENANT, "P-1", customer, LocalDate.of(2026, 3, 2));
        issue(OTHER, "X-1", customer(OTHER, null), LocalDate.of(2026, 3, 2));
        ledger.payments().record(TENANT, new PaymentRequest("pay-p1", customer, "BANK_TRANSFER",
                Money.of("119.00", "EUR"), LocalDate.of(2026, 3, 10), null,
                List.of(new AllocationTarget(paid.id(), null, null))));
        assertThat(march.installments().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 3, 16));
        OverdueAlerts a = node("node-a");
        OverdueAlerts b = node("node-b");
        recorded.clear();

        clock.set(Instant.parse("2026-03-16T15:59:00Z"));
        a.sweep();
        assertThat(overdue()).as("23:59 on its due date in Shanghai: not overdue yet")
                .extracting(e -> e.getProperty(EventTopics.INVOICE_NUMBER)).containsExactly(old.number());
        assertThat(overdue().get(0).getProperty(EventTopics.LEVEL)).as("a jump announces the highest level only")
                .isEqualTo(2);

        clock.set(Instant.parse("2026-03-16T16:01:00Z"));
        a.sweep();
        a.sweep();
        b.sweep();
        assertThat(overdue()).hasSize(2);
        Event first = overdue().get(1);
        assertThat(first.getProperty(EventTopics.INVOICE_NUMBER)).isEqualTo(march.number());
        assertThat(first.getProperty(EventTopics.INSTALLMENT_ID)).isEqualTo(first.getProperty(EventTopics.ID)).isNotNull();
        assertThat(first.getProperty(EventTopics.INVOICE_ID)).isEqualTo(march.id().toString());
        assertThat(first.getProperty(EventTopics.LEVEL)).isEqualTo(1);
        assertThat(first.getProperty(EventTopics.DAYS_OVERDUE)).isEqualTo(1);
        assertThat(first.getProperty(EventTopics.DUE_DATE)).isEqualTo("2026-03-16");
        assertThat(first.getProperty(EventTopics.AMOUNT)).isEqualTo("119.00");
        assertThat(first.getProperty(EventTopics.CURRENCY)).isEqualTo("EUR");
        assertThat(first.getProperty(EventTopics.TENANT)).isEqualTo(TENANT.value());

        clock.set(Instant.parse("2026-04-15T16:01:00Z"));
        b.sweep();
        a.sweep();
        assertThat(overdue()).hasSize(3);
        assertThat(overdue().get(2).getProperty(EventTopics.LEVEL)).isEqualTo(2);
        assertThat(overdue()).as("the paid one never").noneMatch(e -> paid.number().equals(e.getProperty(
                EventTopics.INVOICE_NUMBER)));
        assertThat(recorded.posted().stream().filter(e -> OTHER.value().equals(e.getProperty(EventTopics.TENANT))))
                .as("the other tenant's, at its default levels, each once").extracting(e -> e.getProperty(EventTopics.LEVEL))
                .containsExactly(1, 2);
    }

    @Test
    void aPaymentAtOrAboveTheTenantsThresholdIsAnnouncedAsLarge() {
        UUID customer = customer(TENANT, null);
        recorded.clear();
        pay(TENANT, "small", customer, "9999.99");
        pay(TENANT, "large", customer, "10000.00");
        UUID elsewhere = customer(OTHER, null);
        pay(OTHER, "no-threshold", elsewhere, "500000.00");

        assertThat(recorded.topics()).containsExactly(EventTopics.PAYMENT_RECEIVED, EventTopics.PAYMENT_RECEIVED,
                EventTopics.PAYMENT_LARGE, EventTopics.PAYMENT_RECEIVED);
        assertThat(recorded.posted().get(2).getProperty(EventTopics.AMOUNT)).isEqualTo("10000.00");
    }

    @Test
    void anInvoiceIssuedOverTheCreditLimitIsAnnounced() {
        UUID customer = customer(TENANT, new BigDecimal("200.00"));
        issue(TENANT, "C-1", customer, LocalDate.of(2026, 3, 2));
        assertThat(recorded.topics()).containsExactly(EventTopics.INVOICE_ISSUED);

        Invoice over = issue(TENANT, "C-2", customer, LocalDate.of(2026, 3, 3));

        assertThat(recorded.topics()).containsExactly(EventTopics.INVOICE_ISSUED, EventTopics.INVOICE_ISSUED,
                EventTopics.CREDIT_LIMIT_EXCEEDED);
        Event exceeded = recorded.posted().get(2);
        assertThat(exceeded.getProperty(EventTopics.INVOICE_NUMBER)).isEqualTo(over.number());
        assertThat(exceeded.getProperty(EventTopics.AMOUNT)).isEqualTo("238.00");
        assertThat(exceeded.getProperty(EventTopics.LIMIT)).isEqualTo("200.00");
    }

    @Test
    void unusableAlertSettingsAreRefused() {
        assertThatThrownBy(() -> new TenantAlerts(TENANT, List.of(30, 1), Map.of()))
                .hasMessageContaining("ascend");
        assertThatThrownBy(() -> new TenantAlerts(TENANT, List.of(0), Map.of())).hasMessageContaining("ascend");
        assertThatThrownBy(() -> new TenantAlerts(TENANT, List.of(), Map.of())).hasMessageContaining("level");
        assertThatThrownBy(() -> TenantAlerts.thresholds(new String[] { "EUR=-1" })).hasMessageContaining("EUR=-1");
        assertThatThrownBy(() -> TenantAlerts.thresholds(new String[] { "XXX=100" })).hasMessageContaining("XXX");
        assertThatThrownBy(() -> TenantAlerts.thresholds(new String[] { "EUR=1", "EUR=2" })).hasMessageContaining("once");
        assertThatThrownBy(() -> TenantAlerts.thresholds(new String[] { "EUR" })).hasMessageContaining("EUR");
        assertThat(TenantAlerts.thresholds(new String[] { " CNY = 100000 " })).containsEntry("CNY", new BigDecimal("100000"));
        assertThat(rules.overdueDays(OTHER)).isEqualTo(TenantAlerts.DEFAULT_OVERDUE_DAYS);
    }

    /** The tenant's overdue alerts posted so far. */
    private List<Event> overdue() {
        return recorded.posted().stream().filter(e -> e.getTopic().equals(EventTopics.INSTALLMENT_OVERDUE)
                && TENANT.value().equals(e.getProperty(EventTopics.TENANT))).toList();
    }

    private UUID customer(TenantId tenant, BigDecimal creditLimit) {
        return ledger.customers().create(tenant, new CustomerRequest(null, "Alerted", null, null, "EUR", null, null,
                null, null, null, null, creditLimit, null, null)).id();
    }

    /** An invoice of 100.00 net and 19 % tax, due 14 days after {@code issued}. */
    private Invoice issue(TenantId tenant, String orderId, UUID customer, LocalDate issued) {
        Invoice draft = ledger.invoices().createFromOrder(tenant, new SalesOrder(orderId, customer, "EUR", issued, "NET14",
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"), null, new BigDecimal("19")))));
        return ledger.invoices().issue(tenant, draft.id(), issued);
    }

    private void pay(TenantId tenant, String key, UUID customer, String amount) {
        ledger.payments().record(tenant, new PaymentRequest(key, customer, "BANK_TRANSFER", Money.of(amount, "EUR"),
                LocalDate.of(2026, 3, 10), null, List.of()));
    }
}
