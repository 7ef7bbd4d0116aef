package receivables.impl.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.osgi.service.event.Event;

import jakarta.persistence.Tuple;

import receivables.api.EventTopics;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.risk.CustomerRisk;
import receivables.api.risk.InvoiceRisk;
import receivables.api.risk.RiskFactor;
import receivables.api.risk.RiskModel;
import receivables.api.risk.RiskyCustomer;
import receivables.impl.background.internal.Leases;
import receivables.impl.background.internal.TestLeases;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.risk.internal.SyntheticPaymentHistory.Behaviour;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TestTenants;

/**
 * Training stores the model with its training day and version and replaces the tenant's scores; the scores read
 * back tell the hidden behaviours apart; a training refused stores nothing. On generated history (seed 7, three
 * customers of each behaviour, up to the end of June 2026).
 */
abstract class RiskScoresContract {

    static final TenantId TENANT = new TenantId("risk");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase();

    StoredRiskScores risk;
    SyntheticPaymentHistory history;

    protected abstract TestDatabase testDatabase();

    @BeforeEach
    void generateTheHistory() {
        history = new SyntheticPaymentHistory(TENANT, 7, 3, TODAY).writeTo(testDatabase.get());
        risk = new StoredRiskScores(testDatabase.get());
        risk.clock = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @Test
    void trainingStoresTheModelWithItsDayAndVersionAndReplacesTheScores() {
        RiskModel first = risk.train(TENANT, LocalDate.of(2026, 3, 31));
        RiskModel second = risk.train(TENANT, TODAY);

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.trainedAsOf()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.examples()).isGreaterThan(first.examples());
        assertThat(count("select count(*) n from risk_model_factor where tenant_id = :tenant"))
                .isEqualTo(2L * RiskFactor.values().length);
        assertThat(count("select count(*) n from risk_installment where tenant_id = :tenant and model_version = 2"))
                .as("every installment open today, once, by the latest model")
                .isEqualTo(count("select count(*) n from installment where tenant_id = :tenant and open_amount > 0"))
                .isEqualTo(count("select count(*) n from risk_installment where tenant_id = :tenant"));
        assertThat(count("select count(*) n from risk_customer where tenant_id = :tenant and model_version = 2"))
                .isEqualTo(12);
    }

    @Test
    void defaultersScoreAbovePunctualCustomersForTheReasonsTheyShow() {
        risk.train(TENANT, TODAY);

        List<CustomerRisk> punctual = scores(Behaviour.PUNCTUAL);
        List<CustomerRisk> defaulters = scores(Behaviour.DEFAULTER);
        int worstPunctual = punctual.stream().mapToInt(CustomerRisk::score).max().orElseThrow();
        assertThat(defaulters).allSatisfy(defaulter -> {
            assertThat(defaulter.score()).isGreaterThan(worstPunctual);
            assertThat(defaulter.reasons()).isNotEmpty().hasSizeLessThanOrEqualTo(StoredRiskScores.REASONS);
            assertThat(defaulter.reasons()).allSatisfy(reason -> assertThat(reason.contribution()).isPositive());
            assertThat(defaulter.reasons()).isSortedAccordingTo((a, b) -> Double.compare(b.contribution(),
                    a.contribution()));
            assertThat(defaulter.modelVersion()).isEqualTo(1);
            assertThat(defaulter.trainedAsOf()).isEqualTo(TODAY);
            assertThat(defaulter.scoredOn()).isEqualTo(TODAY);
        });
        assertThat(risk.customer(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void anInstallmentLongPastDueIsCertainlyOver90AndExpectedNoEarlierThanTomorrow() {
        risk.train(TENANT, TODAY);
        UUID invoice = testDatabase.get().inTransaction(TENANT, session -> NativeRow.list(session.createNativeQuery(
                        "select invoice_id from installment where tenant_id = :tenant and open_amount > 0"
                                + " and due_date < :longAgo order by due_date", Tuple.class)
                .setParameter("tenant", TENANT.value()).setParameter("longAgo", TODAY.minusDays(200))).get(0)
                .uuid("invoice_id"));

        InvoiceRisk scored = risk.invoice(TENANT, invoice).orElseThrow();

        assertThat(scored.installments()).singleElement().satisfies(installment -> {
            assertThat(installment.probabilityOver90()).isEqualTo(1.0);
            assertThat(installment.predictedPaymentDate()).isAfter(TODAY)
                    .isEqualTo(installment.dueDate().plusDays(installment.predictedDaysLate()));
        });
        UUID paid = testDatabase.get().inTransaction(TENANT, session -> NativeRow.list(session.createNativeQuery(
                        "select invoice_id from installment where tenant_id = :tenant and open_amount = 0", Tuple.class)
                .setParameter("tenant", TENANT.value())).get(0).uuid("invoice_id"));
        assertThat(risk.invoice(TENANT, paid)).as("a paid invoice has nothing left to predict").isEmpty();
    }

    @Test
    void aTrainingRefusedStoresNothing() {
        assertRefused(() -> risk.train(TENANT, null), "asOf");
        assertRefused(() -> risk.train(TENANT, TODAY.plusDays(1)), "asOf");
        assertRefused(() -> risk.train(TENANT, SyntheticPaymentHistory.START.plusDays(40)), "asOf");
        assertRefused(() -> risk.backTest(TENANT, TODAY), "asOf");
        assertRefused(() -> risk.train(new TenantId("empty"), TODAY), "asOf");

        assertThat(count("select count(*) n from risk_model where tenant_id = :tenant")).isZero();
        assertThat(count("select count(*) n from risk_installment where tenant_id = :tenant")).isZero();
    }

    /**
     * The schedule trains a tenant without a model at once, then not again until its model is a day old; each round
     * under the tenant's lease, and a tenant with too little history is passed over.
     */
    @Test
    void theScheduleRetrainsATenantOnceItsModelIsADayOld() throws InterruptedException {
        Leases leases = TestLeases.running(testDatabase.get(), "node-a");
        try {
            Instant noon = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
            TenantDirectory tenants = TestTenants.warningOnly("UTC", TENANT, new TenantId("empty"));
            ScheduledRiskTraining now = new ScheduledRiskTraining(risk, leases, tenants,
                    Clock.fixed(noon, ZoneOffset.UTC), 24, 0);
            ScheduledRiskTraining nextDay = new ScheduledRiskTraining(risk, leases, tenants,
                    Clock.fixed(noon.plus(Duration.ofHours(24)), ZoneOffset.UTC), 24, 0);

            now.round();
            assertThat(now.trainIfDue(TENANT)).as("a model trained this round is not due again").isFalse();
            assertThat(count("select count(*) n from risk_model where tenant_id = :tenant")).isEqualTo(1);
            assertThat(nextDay.trainIfDue(TENANT)).isTrue();
            assertThat(count("select max(version) n from risk_model where tenant_id = :tenant")).isEqualTo(2);
            assertThat(nextDay.trainIfDue(new TenantId("empty"))).isFalse();
        } finally {
            leases.deactivate();
        }
    }

    @Test
    void theRiskiestComeFirstAPageAtATimeWithWhatTheyHaveOpen() {
        assertThat(risk.riskiest(TENANT, 0, PageRequest.first()).items()).as("no model, no scores").isEmpty();
        risk.train(TENANT, TODAY);

        Page<RiskyCustomer> first = risk.riskiest(TENANT, 0, new PageRequest(0, 5));
        Page<RiskyCustomer> second = risk.riskiest(TENANT, 0, new PageRequest(1, 5));

        assertThat(first.totalItems()).isEqualTo(12);
        assertThat(first.items()).hasSize(5);
        List<RiskyCustomer> all = new ArrayList<>(first.items());
        all.addAll(second.items());
        assertThat(all).extracting(ranked -> ranked.risk().score()).isSortedAccordingTo(Comparator.reverseOrder());
        RiskyCustomer top = first.items().get(0);
        Behaviour behaviour = Arrays.stream(Behaviour.values())
                .filter(b -> history.customers(b).contains(top.risk().customerId())).findFirst().orElseThrow();
        assertThat(behaviour).isNotEqualTo(Behaviour.PUNCTUAL);
        assertThat(top.customerName()).startsWith(behaviour + " ");
        assertThat(top.risk()).isEqualTo(risk.customer(TENANT, top.risk().customerId()).orElseThrow());
        assertThat(top.open()).singleElement().satisfies(open -> {
            assertThat(open.currency()).isEqualTo("EUR");
            assertThat(open.amount()).isEqualByComparingTo(decimal("select coalesce(sum(open_amount), 0) n"
                    + " from installment where tenant_id = :tenant and customer_id = :customer",
                    top.risk().customerId()));
        });
        int threshold = first.items().get(2).risk().score();
        assertThat(risk.riskiest(TENANT, threshold, PageRequest.first()).items())
                .allSatisfy(ranked -> assertThat(ranked.risk().score()).isGreaterThanOrEqualTo(threshold))
                .hasSizeGreaterThanOrEqualTo(3);
        assertRefused(() -> risk.riskiest(TENANT, -1, PageRequest.first()), "minScore");
        assertRefused(() -> risk.riskiest(TENANT, 101, PageRequest.first()), "minScore");
    }

    /**
     * An invoice issued after the training is scored by the latest model once it is announced, and its customer is
     * scored anew with it: a large invoice changes what the model says of the customer.
     */
    @Test
    void anInvoiceIssuedAfterTheTrainingIsScoredByTheLatestModel() throws InterruptedException {
        UUID customer = history.customers(Behaviour.SLOW).get(0);
        risk.rescore(TENANT, List.of(customer));
        assertThat(count("select count(*) n from risk_customer where tenant_id = :tenant")).as("no model yet").isZero();
        risk.train(TENANT, TODAY.minusDays(10));
        double before = risk.customer(TENANT, customer).orElseThrow().probabilityOver90();
        UUID invoice = history.issue(testDatabase.get(), customer, TODAY, new BigDecimal("250000.00"));
        assertThat(risk.invoice(TENANT, invoice)).isEmpty();

        LiveRiskScoring live = new LiveRiskScoring(risk);
        try {
            live.handleEvent(new Event(EventTopics.INVOICE_ISSUED, Map.of(EventTopics.TENANT, TENANT.value(),
                    EventTopics.ID, invoice.toString(), EventTopics.CUSTOMER_ID, customer.toString())));
            Instant deadline = Instant.now().plusSeconds(30);
            while (risk.invoice(TENANT, invoice).isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
        } finally {
            live.deactivate();
        }

        InvoiceRisk scored = risk.invoice(TENANT, invoice).orElseThrow();
        assertThat(scored.modelVersion()).isEqualTo(1);
        assertThat(scored.scoredOn()).isEqualTo(TODAY);
        assertThat(scored.installments()).singleElement().satisfies(installment -> assertThat(
                installment.predictedPaymentDate()).isAfter(TODAY)
                .isEqualTo(TODAY.plusDays(SyntheticPaymentHistory.TERMS + installment.predictedDaysLate())));
        CustomerRisk after = risk.customer(TENANT, customer).orElseThrow();
        assertThat(after.scoredOn()).isEqualTo(TODAY);
        assertThat(after.probabilityOver90()).as("the invoice is far beyond the customer's credit limit")
                .isNotEqualTo(before);
        assertThat(count("select count(*) n from risk_installment where tenant_id = :tenant"))
                .as("the other customers' scores stay")
                .isEqualTo(count("select count(*) n from installment where tenant_id = :tenant and open_amount > 0"));
    }

    private List<CustomerRisk> scores(Behaviour behaviour) {
        return history.customers(behaviour).stream().map(id -> risk.customer(TENANT, id).orElseThrow()).toList();
    }

    private long count(String sql) {
        return testDatabase.get().inTransaction(TENANT, session -> NativeRow.list(session.createNativeQuery(sql,
                Tuple.class).setParameter("tenant", TENANT.value())).get(0).number("n"));
    }

    private BigDecimal decimal(String sql, UUID customer) {
        return testDatabase.get().inTransaction(TENANT, session -> NativeRow.list(session.createNativeQuery(sql,
                Tuple.class).setParameter("tenant", TENANT.value()).setParameter("customer", customer)).get(0)
                .decimal("n"));
    }

    private static void assertRefused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(field));
    }
}
