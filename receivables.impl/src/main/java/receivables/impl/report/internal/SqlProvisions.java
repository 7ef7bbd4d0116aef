package receivables.impl.report.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.Tuple;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.journal.Account;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.api.provision.ForwardLookingAdjustment;
import receivables.api.provision.ForwardLookingAdjustmentRequest;
import receivables.api.provision.Provision;
import receivables.api.provision.ProvisionBucket;
import receivables.api.provision.ProvisionMatrix;
import receivables.api.provision.ProvisionReport;
import receivables.api.provision.ProvisionedCurrency;
import receivables.api.provision.Provisions;
import receivables.api.report.Aging;
import receivables.api.report.AgingBucket;
import receivables.impl.ledger.internal.JournalPostings;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.NativeValues;
import receivables.impl.persistence.internal.WholeTenantReads;
import receivables.impl.validation.internal.ValueRanges;
import receivables.impl.validation.internal.Violations;

/**
 * The IFRS 9 provision matrix from roll rates measured per installment, and the allowance posted at period ends.
 * For every step from one month end to the next in the window, each installment open at the first is put in its
 * bucket there; it rolled when, at the second, it is open in a later bucket or was written off in between (written
 * off counts as rolled whatever the bucket: it is lost). Following installments rather than comparing bucket
 * totals keeps invoices issued within the month out of the rates, and an installment not yet due at both month
 * ends stays current. Each step is one query shaped like {@link SqlAging#query}: the open installments by the
 * tenant's key and only the allocations after the first month end, joined by hashing ({@link WholeTenantReads}) so
 * that it holds on tables never analyzed. The historical loss rates are then multiplied by the factors of the
 * forward-looking adjustment effective in the as-of day's month, each adjusted rate at most 1.
 */
@Component(service = Provisions.class)
public class SqlProvisions implements Provisions {

    /** The journal reference's prefix, before the period. */
    static final String REFERENCE = "ECL-";

    private static final int RATE_SCALE = 6;
    private static final BigDecimal NO_ADJUSTMENT = BigDecimal.ONE.setScale(RATE_SCALE);
    private static final int FIRST_YEAR = 1;
    private static final String STEP = "select o.currency, o.due_date, sum(o.at_start) at_start, sum(o.at_end) at_end,"
            + " sum(o.written) written from (select i.id, i.currency, i.due_date, i.open_amount at_start,"
            + " i.open_amount at_end, cast(0 as numeric(19,4)) written from installment i"
            + " where i.tenant_id = :tenant and i.issue_date <= :start and i.open_amount <> 0"
            + " union all select i.id, i.currency, i.due_date, a.amount,"
            + " case when a.value_date > :end then a.amount else 0 end,"
            + " case when a.write_off_id is not null and a.value_date <= :end then a.amount else 0 end"
            + " from allocation a join installment i on i.tenant_id = a.tenant_id and i.id = a.installment_id"
            + " where a.tenant_id = :tenant and a.value_date > :start and i.issue_date <= :start) o"
            + " group by o.id, o.currency, o.due_date having sum(o.at_start) > 0";

    private final Database database;
    private final JournalPostings journal;

    Clock clock = Clock.systemUTC();

    @Activate
    public SqlProvisions(@Reference Database database, @Reference JournalPostings journal) {
        this.database = database;
        this.journal = journal;
    }

    @Override
    public ProvisionReport matrix(TenantId tenant, LocalDate asOf, int months) {
        if (asOf == null) {
            throw new InvalidRequestException(FieldViolation.of("asOf", "is required"));
        }
        checkMonths(months);
        return database.inTransaction(tenant, session -> matrix(session, tenant, asOf, months));
    }

    @Override
    public Provision post(TenantId tenant, YearMonth period, int months) {
        if (period == null) {
            throw new InvalidRequestException(FieldViolation.of("period", "is required"));
        }
        checkMonths(months);
        LocalDate asOf = period.atEndOfMonth();
        String outOfRange = ValueRanges.dateProblem(period.atDay(1));
        if (outOfRange != null) {
            throw new InvalidRequestException(FieldViolation.of("period", outOfRange));
        }
        if (!asOf.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new InvalidRequestException(FieldViolation.of("period", "must be a month that has ended"));
        }
        return database.once(tenant, period.toString(), (session, key) -> inPeriod(session, tenant, key),
                (session, tx) -> postNow(session, tenant, period, months));
    }

    @Override
    public List<Provision> list(TenantId tenant) {
        return database.inTransaction(tenant, session -> NativeRow.list(session.createNativeQuery("select id, period,"
                        + " as_of, months, adjustment_id, created_at from provision where tenant_id = :tenant"
                        + " order by as_of desc", Tuple.class).setParameter("tenant", tenant.value())).stream()
                .map(row -> toValue(session, tenant, row)).toList());
    }

    @Override
    public ForwardLookingAdjustment adjust(TenantId tenant, ForwardLookingAdjustmentRequest request) {
        Violations violations = new Violations();
        if (request == null) {
            violations.add("body", "is required").throwIfAny();
        }
        violations.required("effectiveFrom", request.effectiveFrom())
                .inRange("effectiveFrom", request.effectiveFrom(), SqlProvisions::monthProblem)
                .inRange("effectiveTo", request.effectiveTo(), SqlProvisions::monthProblem)
                .required("reason", request.reason()).maxLength("reason", request.reason(), MAX_REASON)
                .inRange("reason", request.reason(), ValueRanges::textProblem);
        if (request.effectiveFrom() != null && request.effectiveTo() != null
                && request.effectiveTo().isBefore(request.effectiveFrom())) {
            violations.add("effectiveTo", "must not be before effectiveFrom");
        }
        int buckets = SqlAging.buckets(Aging.DEFAULT_LIMITS).size();
        List<BigDecimal> factors = request.factors();
        if (factors == null || factors.size() != buckets) {
            violations.add("factors", "must be " + buckets + " numbers, one per bucket from current to over 90 days");
        } else {
            for (int b = 0; b < buckets; b++) {
                violations.inRange("factors[" + b + "]", factors.get(b), SqlProvisions::factorProblem);
            }
        }
        violations.throwIfAny();
        List<BigDecimal> scaled = factors.stream().map(factor -> factor.setScale(RATE_SCALE, RoundingMode.UNNECESSARY))
                .toList();
        ForwardLookingAdjustmentEntity adjustment = new ForwardLookingAdjustmentEntity(request.effectiveFrom(),
                request.effectiveTo(), scaled, request.reason().strip(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        return database.inTransaction(tenant, session -> {
            session.persist(adjustment);
            return adjustment.toValue();
        });
    }

    @Override
    public List<ForwardLookingAdjustment> adjustments(TenantId tenant) {
        return database.inTransaction(tenant, session -> adjustmentsNewestFirst(session).stream()
                .map(ForwardLookingAdjustmentEntity::toValue).toList());
    }

    private static String monthProblem(YearMonth month) {
        if (month == null || ValueRanges.dateProblem(month.atDay(1)) == null) {
            return null;
        }
        return "must be a month from 0001-01 to 9999-12";
    }

    private static String factorProblem(BigDecimal factor) {
        if (factor == null) {
            return "is required";
        }
        // The range first: 1e999999999 is refused before its zeros would be stripped.
        if (factor.signum() < 0 || factor.compareTo(MAX_FACTOR) > 0
                || factor.scale() > RATE_SCALE && factor.stripTrailingZeros().scale() > RATE_SCALE) {
            return "must be from 0 to " + MAX_FACTOR + " with at most " + RATE_SCALE + " decimals";
        }
        return null;
    }

    private static List<ForwardLookingAdjustmentEntity> adjustmentsNewestFirst(Session session) {
        return session.createSelectionQuery("from ForwardLookingAdjustment a"
                + " order by a.effectiveFrom desc, a.createdAt desc", ForwardLookingAdjustmentEntity.class).getResultList();
    }

    /** The adjustment effective in {@code month}: of those that apply, the latest effective, then the latest set. */
    private static Optional<ForwardLookingAdjustmentEntity> effectiveIn(Session session, YearMonth month) {
        return adjustmentsNewestFirst(session).stream().filter(adjustment -> adjustment.appliesIn(month)).findFirst();
    }

    private static void checkMonths(int months) {
        if (months < 1 || months > MAX_MONTHS) {
            throw new InvalidRequestException(FieldViolation.of("months", "must be from 1 to " + MAX_MONTHS));
        }
    }

    private Provision postNow(Session session, TenantId tenant, YearMonth period, int months) {
        LocalDate asOf = period.atEndOfMonth();
        LocalDate latest = NativeValues.date(session.createNativeQuery(
                "select max(as_of) from provision where tenant_id = :tenant", Object.class)
                .setParameter("tenant", tenant.value()).getSingleResult());
        // Each provision adjusts the one before it: one posted out of order would make both differences wrong.
        if (latest != null && !latest.isBefore(asOf)) {
            throw new InvalidRequestException(FieldViolation.of("period",
                    "must be after the last provisioned period, " + YearMonth.from(latest)));
        }
        Map<String, BigDecimal> previous = new TreeMap<>();
        if (latest != null) {
            NativeRow.list(session.createNativeQuery("select c.currency, c.allowance from provision p"
                            + " join provision_currency c on c.tenant_id = p.tenant_id and c.provision_id = p.id"
                            + " where p.tenant_id = :tenant and p.as_of = :latest", Tuple.class)
                    .setParameter("tenant", tenant.value()).setParameter("latest", latest))
                    .forEach(row -> previous.put(row.text("currency"), row.decimal("allowance")));
        }
        Map<String, Money> allowances = new TreeMap<>();
        ProvisionReport report = matrix(session, tenant, asOf, months);
        report.currencies().forEach(matrix -> allowances.put(matrix.currency(), matrix.allowance()));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        session.createNativeMutationQuery("insert into provision (tenant_id, id, period, as_of, months, adjustment_id,"
                        + " created_at) values (:tenant, :id, :period, :asOf, :months, :adjustment, :createdAt)")
                .setParameter("tenant", tenant.value()).setParameter("id", id).setParameter("period", period.toString())
                .setParameter("asOf", asOf).setParameter("months", months)
                .setParameter("adjustment", report.adjustment() == null ? null : report.adjustment().id(), UUID.class)
                .setParameter("createdAt", now).executeUpdate();
        TreeSet<String> currencies = new TreeSet<>(allowances.keySet());
        currencies.addAll(previous.keySet());
        for (String currency : currencies) {
            Money allowance = allowances.getOrDefault(currency, Money.zero(currency));
            Money before = Money.of(previous.getOrDefault(currency, BigDecimal.ZERO), currency);
            session.createNativeMutationQuery("insert into provision_currency (tenant_id, provision_id, currency,"
                            + " allowance, previous) values (:tenant, :id, :currency, :allowance, :previous)")
                    .setParameter("tenant", tenant.value()).setParameter("id", id).setParameter("currency", currency)
                    .setParameter("allowance", allowance.amount()).setParameter("previous", before.amount())
                    .executeUpdate();
            Money change = allowance.minus(before);
            if (change.isPositive()) {
                journal.post(session, asOf, JournalEntryKind.CREDIT_LOSS_ALLOWANCE, REFERENCE + period, List.of(
                        JournalLine.debit(Account.IMPAIRMENT_EXPENSE, change),
                        JournalLine.credit(Account.LOSS_ALLOWANCE, change)));
            } else if (change.isNegative()) {
                journal.post(session, asOf, JournalEntryKind.CREDIT_LOSS_ALLOWANCE, REFERENCE + period, List.of(
                        JournalLine.debit(Account.LOSS_ALLOWANCE, change.negate()),
                        JournalLine.credit(Account.IMPAIRMENT_EXPENSE, change.negate())));
            }
        }
        session.flush();
        return inPeriod(session, tenant, period.toString()).orElseThrow();
    }

    private static Optional<Provision> inPeriod(Session session, TenantId tenant, String period) {
        return NativeRow.list(session.createNativeQuery("select id, period, as_of, months, adjustment_id, created_at"
                        + " from provision where tenant_id = :tenant and period = :period", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("period", period)).stream()
                .findFirst().map(row -> toValue(session, tenant, row));
    }

    private static Provision toValue(Session session, TenantId tenant, NativeRow provision) {
        UUID id = provision.uuid("id");
        List<ProvisionedCurrency> currencies = NativeRow.list(session.createNativeQuery("select currency, allowance,"
                        + " previous from provision_currency where tenant_id = :tenant and provision_id = :id"
                        + " order by currency", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("id", id)).stream()
                .map(row -> {
                    Money allowance = row.money("currency", "allowance");
                    Money previous = row.money("currency", "previous");
                    return new ProvisionedCurrency(allowance, previous, allowance.minus(previous));
                }).toList();
        ForwardLookingAdjustment adjustment = provision.isNull("adjustment_id") ? null
                : session.find(ForwardLookingAdjustmentEntity.class, provision.uuid("adjustment_id")).toValue();
        return new Provision(id, provision.text("period"), provision.date("as_of"),
                (int) provision.number("months"), adjustment, currencies, provision.instant("created_at"));
    }

    private ProvisionReport matrix(Session session, TenantId tenant, LocalDate asOf, int months) {
        List<AgingBucket> buckets = SqlAging.buckets(Aging.DEFAULT_LIMITS);
        Optional<ForwardLookingAdjustmentEntity> adjustment = effectiveIn(session, YearMonth.from(asOf));
        List<BigDecimal> factors = adjustment.map(in -> in.toValue().factors())
                .orElseGet(() -> buckets.stream().map(bucket -> NO_ADJUSTMENT).toList());
        // A window's allocations are a large part of the tenant's: looked up installment by installment in a loop, as
        // PostgreSQL plans it without statistics, they cost ten times the pages of the hashed join.
        WholeTenantReads.hashed(session);
        YearMonth last = asOf.equals(YearMonth.from(asOf).atEndOfMonth()) ? YearMonth.from(asOf)
                : YearMonth.from(asOf).minusMonths(1);
        YearMonth first = last.minusMonths(months);
        Map<String, Rolls> rolls = new TreeMap<>();
        for (YearMonth month = first; month.isBefore(last); month = month.plusMonths(1)) {
            // Nothing was issued before the first day a date may have.
            if (month.getYear() < FIRST_YEAR) {
                continue;
            }
            LocalDate start = month.atEndOfMonth();
            LocalDate end = month.plusMonths(1).atEndOfMonth();
            for (NativeRow row : step(session, tenant, start, end)) {
                LocalDate due = row.date("due_date");
                int from = bucketOf(buckets, start, due);
                BigDecimal atStart = row.decimal("at_start");
                BigDecimal rolled = (bucketOf(buckets, end, due) > from ? row.decimal("at_end") : BigDecimal.ZERO)
                        .add(row.decimal("written"));
                // A reversal after the month end can leave more open than there was: an installment rolls at most whole.
                rolls.computeIfAbsent(row.text("currency"), currency -> new Rolls(buckets.size()))
                        .add(from, atStart, rolled.min(atStart).max(BigDecimal.ZERO));
            }
        }
        Map<String, BigDecimal[]> open = new TreeMap<>();
        for (NativeRow row : step(session, tenant, asOf, asOf)) {
            BigDecimal[] balances = open.computeIfAbsent(row.text("currency"), currency -> zeros(buckets.size()));
            int bucket = bucketOf(buckets, asOf, row.date("due_date"));
            balances[bucket] = balances[bucket].add(row.decimal("at_start"));
        }
        TreeSet<String> currencies = new TreeSet<>(rolls.keySet());
        currencies.addAll(open.keySet());
        List<ProvisionMatrix> matrices = new ArrayList<>();
        for (String currency : currencies) {
            Rolls measured = rolls.getOrDefault(currency, new Rolls(buckets.size()));
            BigDecimal[] balances = open.getOrDefault(currency, zeros(buckets.size()));
            ProvisionBucket[] rows = new ProvisionBucket[buckets.size()];
            BigDecimal lossRate = BigDecimal.ONE.setScale(RATE_SCALE);
            Money allowance = Money.zero(currency);
            for (int b = buckets.size() - 1; b >= 0; b--) {
                BigDecimal rollRate = null;
                if (b < buckets.size() - 1) {
                    rollRate = measured.rate(b);
                    lossRate = rollRate.multiply(lossRate).setScale(RATE_SCALE, RoundingMode.HALF_UP);
                }
                BigDecimal adjusted = lossRate.multiply(factors.get(b)).min(BigDecimal.ONE)
                        .setScale(RATE_SCALE, RoundingMode.HALF_UP);
                Money balance = Money.of(balances[b], currency);
                Money expected = Money.rounded(balances[b].multiply(adjusted), currency);
                rows[b] = new ProvisionBucket(buckets.get(b), rollRate, lossRate, factors.get(b), adjusted, balance,
                        expected);
                allowance = allowance.plus(expected);
            }
            matrices.add(new ProvisionMatrix(currency, List.of(rows), allowance));
        }
        return new ProvisionReport(asOf, months, first.atEndOfMonth(), last.atEndOfMonth(),
                adjustment.map(ForwardLookingAdjustmentEntity::toValue).orElse(null), matrices);
    }

    private static List<NativeRow> step(Session session, TenantId tenant, LocalDate start, LocalDate end) {
        return NativeRow.list(session.createNativeQuery(STEP, Tuple.class).setParameter("tenant", tenant.value())
                .setParameter("start", start).setParameter("end", end));
    }

    private static int bucketOf(List<AgingBucket> buckets, LocalDate day, LocalDate due) {
        long overdue = ChronoUnit.DAYS.between(due, day);
        int days = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, overdue));
        for (int b = 0; b < buckets.size(); b++) {
            if (buckets.get(b).holds(days)) {
                return b;
            }
        }
        throw new IllegalStateException("the buckets leave " + days + " days uncovered");
    }

    private static BigDecimal[] zeros(int size) {
        BigDecimal[] zeros = new BigDecimal[size];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    /** What one currency's installments had open per bucket at the window's month ends, and what of it rolled. */
    private static final class Rolls {

        final BigDecimal[] balance;
        final BigDecimal[] rolled;

        Rolls(int buckets) {
            balance = zeros(buckets);
            rolled = zeros(buckets);
        }

        void add(int bucket, BigDecimal atStart, BigDecimal rolledOn) {
            balance[bucket] = balance[bucket].add(atStart);
            rolled[bucket] = rolled[bucket].add(rolledOn);
        }

        /** The bucket's roll rate; 0 when nothing was open in it in the whole window. */
        BigDecimal rate(int bucket) {
            return balance[bucket].signum() == 0 ? BigDecimal.ZERO.setScale(RATE_SCALE)
                    : rolled[bucket].divide(balance[bucket], RATE_SCALE, RoundingMode.HALF_UP);
        }
    }
}
