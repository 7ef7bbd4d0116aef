package receivables.impl.risk.internal;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.Tuple;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.risk.BackTestMeasure;
import receivables.api.risk.CustomerRisk;
import receivables.api.risk.InstallmentRisk;
import receivables.api.risk.InvoiceRisk;
import receivables.api.risk.RiskBackTest;
import receivables.api.risk.RiskFactor;
import receivables.api.risk.RiskModel;
import receivables.api.risk.RiskReason;
import receivables.api.risk.RiskScores;
import receivables.api.risk.RiskyCustomer;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.risk.internal.PaymentHistory.Customer;
import receivables.impl.risk.internal.PaymentHistory.Installment;
import receivables.impl.risk.internal.TribuoRiskLearning.Example;
import receivables.impl.validation.internal.ValueRanges;

/**
 * Risk models per tenant, learned from the tenant's payment history ({@link PaymentHistory}) as of any day, stored as
 * numbers ({@link LinearRisk}) with the scores of the latest one. A training reads the ledger, learns and scores
 * outside any transaction, and stores the model and its scores in one.
 */
@Component(service = { RiskScores.class, StoredRiskScores.class })
public class StoredRiskScores implements RiskScores {

    /** The reasons kept per customer. */
    static final int REASONS = 3;
    /** Customers rescored in one transaction (and named in one query). */
    static final int RESCORED_AT_ONCE = 500;
    /** The tables holding the latest model's scores, each row of one customer. */
    private static final List<String> SCORES = List.of("risk_installment", "risk_customer", "risk_customer_reason");
    /** The customers' scores with their model's training day and name; conditions are added after it. */
    private static final String CUSTOMER_SCORES = "select c.customer_id, a.name, c.score, c.probability_over_90,"
            + " c.expected_days_late, c.scored_on, c.model_version, m.trained_as_of from risk_customer c"
            + " join risk_model m on m.tenant_id = c.tenant_id and m.version = c.model_version"
            + " join customer_account a on a.tenant_id = c.tenant_id and a.id = c.customer_id"
            + " where c.tenant_id = :tenant";

    private final Database database;

    Clock clock = Clock.systemUTC();

    @Activate
    public StoredRiskScores(@Reference Database database) {
        this.database = database;
    }

    @Override
    public RiskModel train(TenantId tenant, LocalDate asOf) {
        LocalDate today = today();
        checked(asOf, today, false);
        PaymentHistory history = database.inTransaction(tenant, session -> PaymentHistory.read(session, tenant));
        List<Example> examples = TrainingSet.asOf(history, asOf);
        LinearRisk model = learn(examples);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RiskModel trained = database.inTransaction(tenant, (session, tx) -> {
            int version = 1 + StoredRiskModels.lockLatest(session, tenant);
            RiskModel stored = new RiskModel(version, asOf, TrainingSet.settled(examples),
                    TrainingSet.labelled(examples), now);
            store(session, tenant, stored, model);
            for (String table : SCORES) {
                session.createNativeMutationQuery("delete from " + table + " where tenant_id = :tenant")
                        .setParameter("tenant", tenant.value()).executeUpdate();
            }
            score(session, tenant, history, model, version, today);
            return stored;
        });
        // What was issued while this model learned is missing from its scores (its history was read before).
        rescore(tenant, database.inTransaction(tenant, session -> NativeRow.list(session.createNativeQuery(
                        "select distinct i.customer_id from installment i where i.tenant_id = :tenant"
                                + " and i.open_amount > 0 and not exists (select 1 from risk_installment r"
                                + " where r.tenant_id = i.tenant_id and r.installment_id = i.id)", Tuple.class)
                .setParameter("tenant", tenant.value()))).stream().map(row -> row.uuid("customer_id")).toList());
        return trained;
    }

    /**
     * Scores these customers and their open installments anew with the tenant's latest model, as of today, replacing
     * their scores; nothing without a model. Under the lock of the latest model, so that scores written at once by a
     * training and by this (or by two of these) never mix or collide.
     */
    void rescore(TenantId tenant, Collection<UUID> customers) {
        List<UUID> all = List.copyOf(customers);
        for (int from = 0; from < all.size(); from += RESCORED_AT_ONCE) {
            rescoreTogether(tenant, all.subList(from, Math.min(all.size(), from + RESCORED_AT_ONCE)));
        }
    }

    private void rescoreTogether(TenantId tenant, List<UUID> customers) {
        LocalDate today = today();
        database.inTransaction(tenant, (session, tx) -> {
            int version = StoredRiskModels.lockLatest(session, tenant);
            if (version == 0) {
                return;
            }
            LinearRisk model = StoredRiskModels.read(session, tenant, version);
            PaymentHistory history = PaymentHistory.read(session, tenant, customers);
            for (String table : SCORES) {
                session.createNativeMutationQuery("delete from " + table + " where tenant_id = :tenant"
                                + " and customer_id in (:customers)")
                        .setParameter("tenant", tenant.value()).setParameterList("customers", customers)
                        .executeUpdate();
            }
            score(session, tenant, history, model, version, today);
        });
    }

    @Override
    public Optional<CustomerRisk> customer(TenantId tenant, UUID customerId) {
        return database.inTransaction(tenant, session -> {
            List<NativeRow> rows = NativeRow.list(session.createNativeQuery(CUSTOMER_SCORES
                    + " and c.customer_id = :customer", Tuple.class).setParameter("tenant", tenant.value())
                    .setParameter("customer", customerId));
            Map<UUID, List<RiskReason>> reasons = reasons(session, tenant, List.of(customerId));
            return rows.stream().findFirst().map(row -> customerRisk(row, reasons));
        });
    }

    @Override
    public Page<RiskyCustomer> riskiest(TenantId tenant, int minScore, PageRequest page) {
        if (minScore < 0 || minScore > 100) {
            throw new InvalidRequestException(FieldViolation.of("minScore", "must be between 0 and 100"));
        }
        return database.inTransaction(tenant, session -> {
            long total = NativeRow.list(session.createNativeQuery("select count(*) n from risk_customer c"
                            + " where c.tenant_id = :tenant and c.score >= :minScore", Tuple.class)
                    .setParameter("tenant", tenant.value()).setParameter("minScore", minScore)).get(0).number("n");
            List<NativeRow> rows = NativeRow.list(session.createNativeQuery(CUSTOMER_SCORES
                            + " and c.score >= :minScore order by c.score desc, c.probability_over_90 desc, c.customer_id",
                            Tuple.class).setParameter("tenant", tenant.value()).setParameter("minScore", minScore)
                    .setFirstResult(page.offset()).setMaxResults(page.size()));
            List<UUID> ids = rows.stream().map(row -> row.uuid("customer_id")).toList();
            Map<UUID, List<RiskReason>> reasons = reasons(session, tenant, ids);
            Map<UUID, List<Money>> open = new HashMap<>();
            if (!ids.isEmpty()) {
                NativeRow.stream(session.createNativeQuery("select customer_id, currency, sum(open_amount) open_amount"
                                + " from installment where tenant_id = :tenant and customer_id in (:customers)"
                                + " and open_amount > 0 group by customer_id, currency order by currency", Tuple.class)
                        .setParameter("tenant", tenant.value()).setParameterList("customers", ids))
                        .forEach(row -> open.computeIfAbsent(row.uuid("customer_id"), id -> new ArrayList<>())
                                .add(row.money("currency", "open_amount")));
            }
            return new Page<>(rows.stream().map(row -> new RiskyCustomer(customerRisk(row, reasons),
                    row.text("name"), open.getOrDefault(row.uuid("customer_id"), List.of()))).toList(), page.page(),
                    page.size(), total);
        });
    }

    /** The reasons of these customers' scores, each one's largest first. */
    private static Map<UUID, List<RiskReason>> reasons(Session session, TenantId tenant, List<UUID> customers) {
        Map<UUID, List<RiskReason>> reasons = new HashMap<>();
        if (customers.isEmpty()) {
            return reasons;
        }
        NativeRow.stream(session.createNativeQuery("select customer_id, factor, factor_value, contribution"
                        + " from risk_customer_reason where tenant_id = :tenant and customer_id in (:customers)"
                        + " order by customer_id, reason_rank", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameterList("customers", customers))
                .forEach(row -> reasons.computeIfAbsent(row.uuid("customer_id"), id -> new ArrayList<>())
                        .add(new RiskReason(RiskFactor.valueOf(row.text("factor")), row.real("factor_value"),
                                row.real("contribution"))));
        return reasons;
    }

    private static CustomerRisk customerRisk(NativeRow row, Map<UUID, List<RiskReason>> reasons) {
        UUID id = row.uuid("customer_id");
        return new CustomerRisk(id, row.integer("score"), row.real("probability_over_90"),
                row.integer("expected_days_late"), reasons.getOrDefault(id, List.of()), row.date("scored_on"),
                row.integer("model_version"), row.date("trained_as_of"));
    }

    @Override
    public Optional<InvoiceRisk> invoice(TenantId tenant, UUID invoiceId) {
        return database.inTransaction(tenant, session -> {
            List<NativeRow> rows = NativeRow.list(session.createNativeQuery("select r.installment_id, i.sequence_number,"
                            + " i.due_date, r.customer_id, r.predicted_days_late, r.predicted_on, r.probability_over_90,"
                            + " r.scored_on, r.model_version, m.trained_as_of from risk_installment r"
                            + " join installment i on i.tenant_id = r.tenant_id and i.id = r.installment_id"
                            + " join risk_model m on m.tenant_id = r.tenant_id and m.version = r.model_version"
                            + " where r.tenant_id = :tenant and r.invoice_id = :invoice order by i.sequence_number",
                            Tuple.class).setParameter("tenant", tenant.value()).setParameter("invoice", invoiceId));
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            NativeRow first = rows.get(0);
            return Optional.of(new InvoiceRisk(invoiceId, first.uuid("customer_id"), rows.stream()
                    .map(row -> new InstallmentRisk(row.uuid("installment_id"), row.integer("sequence_number"),
                            row.date("due_date"), row.integer("predicted_days_late"), row.date("predicted_on"),
                            row.real("probability_over_90"))).toList(), first.date("scored_on"),
                    first.integer("model_version"), first.date("trained_as_of")));
        });
    }

    @Override
    public RiskBackTest backTest(TenantId tenant, LocalDate asOf) {
        LocalDate today = today();
        checked(asOf, today, true);
        PaymentHistory history = database.inTransaction(tenant, session -> PaymentHistory.read(session, tenant));
        List<Example> examples = TrainingSet.asOf(history, asOf);
        LinearRisk model = learn(examples);
        List<int[]> dates = new ArrayList<>();
        List<double[]> probabilities = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        for (Customer customer : history.customers()) {
            for (Installment item : customer.installments()) {
                if (!item.issued().isAfter(asOf) || item.issued().isAfter(today)) {
                    continue;
                }
                double[] x = RiskFeatures.of(history, customer, item, item.issued());
                RiskFeatures.Profile known = RiskFeatures.profile(customer, item.issued(), item);
                Integer late = item.daysLate(today);
                if (late != null) {
                    dates.add(new int[] { (int) Math.round(model.daysLate(x)),
                            (int) Math.round(known.averageDaysLate()), late });
                }
                Boolean over90 = item.over90(today);
                if (over90 != null) {
                    probabilities.add(new double[] { model.probabilityOver90(x), known.shareOver90() });
                    outcomes.add(over90);
                }
            }
        }
        long positives = outcomes.stream().filter(Boolean::booleanValue).count();
        if (dates.isEmpty() || positives == 0 || positives == outcomes.size()) {
            throw new InvalidRequestException(FieldViolation.of("asOf", "too few installments issued after it have "
                    + "an outcome yet: " + dates.size() + " settled, " + positives + " of " + outcomes.size()
                    + " over 90 days late or never; both kinds are needed"));
        }
        int[] predicted = dates.stream().mapToInt(d -> d[0]).toArray();
        int[] baseline = dates.stream().mapToInt(d -> d[1]).toArray();
        int[] actual = dates.stream().mapToInt(d -> d[2]).toArray();
        double[] modelP = probabilities.stream().mapToDouble(p -> p[0]).toArray();
        double[] baselineP = probabilities.stream().mapToDouble(p -> p[1]).toArray();
        boolean[] happened = new boolean[outcomes.size()];
        for (int i = 0; i < happened.length; i++) {
            happened[i] = outcomes.get(i);
        }
        RiskModel trained = new RiskModel(0, asOf, TrainingSet.settled(examples), TrainingSet.labelled(examples),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return new RiskBackTest(asOf, today, trained, actual.length, happened.length,
                (double) positives / happened.length,
                new BackTestMeasure(BackTestScoring.meanAbsoluteError(predicted, actual),
                        BackTestScoring.meanAbsoluteError(baseline, actual), true),
                new BackTestMeasure(BackTestScoring.auc(modelP, happened), BackTestScoring.auc(baselineP, happened),
                        false),
                new BackTestMeasure(BackTestScoring.brier(modelP, happened), BackTestScoring.brier(baselineP, happened),
                        true));
    }

    /** Trains as of today. */
    RiskModel trainToday(TenantId tenant) {
        return train(tenant, today());
    }

    /** When the latest model was trained, or empty without one. */
    Optional<Instant> lastTrainedAt(TenantId tenant) {
        return database.inTransaction(tenant, session -> NativeRow.list(session.createNativeQuery("select trained_at"
                        + " from risk_model where tenant_id = :tenant order by version desc", Tuple.class)
                .setParameter("tenant", tenant.value()).setMaxResults(1)).stream().findFirst()
                .map(row -> row.instant("trained_at")));
    }

    private static LinearRisk learn(List<Example> examples) {
        int settled = TrainingSet.settled(examples);
        if (settled < TrainingSet.MIN_SETTLED) {
            throw new InvalidRequestException(FieldViolation.of("asOf", "the ledger holds too little history by this"
                    + " day to learn from: " + settled + " settled installments, at least " + TrainingSet.MIN_SETTLED
                    + " needed"));
        }
        return TribuoRiskLearning.fit(examples);
    }

    private void checked(LocalDate asOf, LocalDate today, boolean past) {
        if (asOf == null) {
            throw new InvalidRequestException(FieldViolation.of("asOf", "is required"));
        }
        String outOfRange = ValueRanges.dateProblem(asOf);
        if (outOfRange != null) {
            throw new InvalidRequestException(FieldViolation.of("asOf", outOfRange));
        }
        if (past ? !asOf.isBefore(today) : asOf.isAfter(today)) {
            throw new InvalidRequestException(FieldViolation.of("asOf", past ? "must be in the past"
                    : "must be today or earlier"));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static void store(Session session, TenantId tenant, RiskModel stored, LinearRisk model) {
        session.createNativeMutationQuery("insert into risk_model (tenant_id, version, trained_as_of, examples, labelled,"
                        + " late_intercept, over_90_intercept, trained_at) values (:tenant, :version, :asOf, :examples,"
                        + " :labelled, :late, :over90, :trainedAt)")
                .setParameter("tenant", tenant.value()).setParameter("version", stored.version())
                .setParameter("asOf", stored.trainedAsOf()).setParameter("examples", stored.examples())
                .setParameter("labelled", stored.labelled()).setParameter("late", model.lateIntercept())
                .setParameter("over90", model.over90Intercept())
                .setParameter("trainedAt", stored.trainedAt().atOffset(ZoneOffset.UTC)).executeUpdate();
        for (RiskFactor factor : RiskFactor.values()) {
            int i = factor.ordinal();
            session.createNativeMutationQuery("insert into risk_model_factor (tenant_id, version, factor, mean, scale,"
                            + " late_weight, over_90_weight) values (:tenant, :version, :factor, :mean, :scale, :late,"
                            + " :over90)")
                    .setParameter("tenant", tenant.value()).setParameter("version", stored.version())
                    .setParameter("factor", factor.name()).setParameter("mean", model.means()[i])
                    .setParameter("scale", model.scales()[i]).setParameter("late", model.lateWeights()[i])
                    .setParameter("over90", model.over90Weights()[i]).executeUpdate();
        }
    }

    /**
     * Stores the model's scores of the history's customers and of their installments open today (none of theirs are
     * stored yet).
     */
    private static void score(Session session, TenantId tenant, PaymentHistory history, LinearRisk model, int version,
            LocalDate today) {
        session.doWork(connection -> {
            try (PreparedStatement installments = connection.prepareStatement("insert into risk_installment (tenant_id,"
                    + " installment_id, invoice_id, customer_id, model_version, scored_on, predicted_days_late,"
                    + " predicted_on, probability_over_90) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement customers = connection.prepareStatement("insert into risk_customer (tenant_id,"
                            + " customer_id, model_version, scored_on, score, probability_over_90, expected_days_late)"
                            + " values (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement reasons = connection.prepareStatement("insert into risk_customer_reason"
                            + " (tenant_id, customer_id, reason_rank, factor, factor_value, contribution)"
                            + " values (?, ?, ?, ?, ?, ?)")) {
                for (Customer customer : history.customers()) {
                    for (Installment item : customer.installments()) {
                        if (!item.openAt(today)) {
                            continue;
                        }
                        Prediction prediction = Prediction.of(model, history, customer, item, today);
                        installments.setString(1, tenant.value());
                        installments.setObject(2, item.id());
                        installments.setObject(3, item.invoiceId());
                        installments.setObject(4, customer.id());
                        installments.setInt(5, version);
                        installments.setObject(6, today);
                        installments.setInt(7, prediction.daysLate());
                        installments.setObject(8, item.due().plusDays(prediction.daysLate()));
                        installments.setDouble(9, prediction.probabilityOver90());
                        installments.addBatch();
                    }
                    RiskFeatures.Profile profile = RiskFeatures.profile(customer, today, null);
                    double[] typical = RiskFeatures.typical(profile);
                    double probability = model.probabilityOver90(typical);
                    customers.setString(1, tenant.value());
                    customers.setObject(2, customer.id());
                    customers.setInt(3, version);
                    customers.setObject(4, today);
                    customers.setInt(5, (int) Math.round(100 * probability));
                    customers.setDouble(6, probability);
                    customers.setInt(7, (int) Math.round(model.daysLate(typical)));
                    customers.addBatch();
                    int rank = 1;
                    for (RiskReason reason : model.reasons(typical, REASONS)) {
                        reasons.setString(1, tenant.value());
                        reasons.setObject(2, customer.id());
                        reasons.setInt(3, rank++);
                        reasons.setString(4, reason.factor().name());
                        reasons.setDouble(5, reason.value());
                        reasons.setDouble(6, reason.contribution());
                        reasons.addBatch();
                    }
                }
                installments.executeBatch();
                customers.executeBatch();
                reasons.executeBatch();
            }
        });
    }

    /**
     * An open installment's prediction on {@code today}: a payment date that has passed moves to tomorrow, and one
     * already more than 90 days past due is by definition paid more than 90 days late or never.
     */
    record Prediction(int daysLate, double probabilityOver90) {

        static Prediction of(LinearRisk model, PaymentHistory history, Customer customer, Installment item,
                LocalDate today) {
            double[] x = RiskFeatures.of(history, customer, item, today);
            long late = Math.round(model.daysLate(x));
            long earliest = today.plusDays(1).toEpochDay() - item.due().toEpochDay();
            boolean severe = today.toEpochDay() - item.due().toEpochDay() > RiskFeatures.SEVERE_DAYS;
            return new Prediction((int) Math.max(late, earliest), severe ? 1 : model.probabilityOver90(x));
        }
    }
}
