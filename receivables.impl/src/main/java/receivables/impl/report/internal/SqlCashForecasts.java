package receivables.impl.report.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.Tuple;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.report.CashForecast;
import receivables.api.report.CashForecasts;
import receivables.api.report.ExpectedReceipt;
import receivables.api.report.ForecastBackTest;
import receivables.api.report.ForecastWeek;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.WholeTenantReads;

/**
 * The cash forecast: each installment open on the day is expected on the payment date the tenant's latest risk
 * model predicted for it, when the model scored it on or before the day; otherwise on its due date moved by its
 * customer's average delay in the payments known that day, weighted by amount and rounded to whole days (a customer
 * who has paid nothing yet is expected on the due date). A date that has passed is moved to the next day, the first
 * of the forecast.
 */
@Component(service = CashForecasts.class)
public class SqlCashForecasts implements CashForecasts {

    static final int DAYS = WEEKS * 7;

    private final Database database;

    Clock clock = Clock.systemUTC();

    @Activate
    public SqlCashForecasts(@Reference Database database) {
        this.database = database;
    }

    @Override
    public CashForecast forecast(TenantId tenant, LocalDate asOf) {
        required(asOf);
        List<Expected> expected = database.inTransaction(tenant, session -> expected(session, tenant, asOf, false));
        Map<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
        Map<LocalDate, Map<String, BigDecimal>> weeks = new TreeMap<>();
        Map<String, BigDecimal> later = new TreeMap<>();
        TreeSet<String> currencies = new TreeSet<>();
        for (Expected item : expected) {
            currencies.add(item.currency());
            if (item.predicted().isAfter(asOf.plusDays(DAYS))) {
                later.merge(item.currency(), item.open(), BigDecimal::add);
            } else {
                days.computeIfAbsent(item.predicted(), d -> new TreeMap<>()).merge(item.currency(), item.open(),
                        BigDecimal::add);
                weeks.computeIfAbsent(weekStart(asOf, item.predicted()), d -> new TreeMap<>())
                        .merge(item.currency(), item.open(), BigDecimal::add);
            }
        }
        List<ExpectedReceipt> weekly = new ArrayList<>();
        for (int week = 0; week < WEEKS; week++) {
            LocalDate start = asOf.plusDays(1 + 7L * week);
            for (String currency : currencies) {
                weekly.add(new ExpectedReceipt(start, Money.of(weeks.getOrDefault(start, Map.of())
                        .getOrDefault(currency, BigDecimal.ZERO), currency)));
            }
        }
        return new CashForecast(asOf, receipts(days), weekly, later.entrySet().stream()
                .map(entry -> new ExpectedReceipt(asOf.plusDays(DAYS + 1), Money.of(entry.getValue(), entry.getKey())))
                .toList());
    }

    @Override
    public ForecastBackTest backTest(TenantId tenant, LocalDate asOf) {
        required(asOf);
        LocalDate today = LocalDate.now(clock);
        if (asOf.plusDays(7).isAfter(today)) {
            throw new InvalidRequestException(FieldViolation.of("asOf", "must be at least a week ago, so that a week of "
                    + "receipts can be compared"));
        }
        return database.inTransaction(tenant, session -> {
            List<Expected> expected = expected(session, tenant, asOf, true);
            // Only the weeks that are over: a week still running has not received all it will.
            int weeks = (int) Math.min(WEEKS, ChronoUnit.DAYS.between(asOf, today) / 7);
            LocalDate end = asOf.plusDays(7L * weeks);
            Map<String, BigDecimal[][]> sums = new TreeMap<>();
            for (Expected item : expected) {
                add(sums, item.currency(), weeks, 0, asOf, item.predicted(), item.open());
                add(sums, item.currency(), weeks, 1, asOf, item.due(), item.open());
            }
            NativeRow.stream(session.createNativeQuery("select i.currency, a.amount, a.value_date from allocation a"
                            + " join installment i on i.tenant_id = a.tenant_id and i.id = a.installment_id"
                            + " where a.tenant_id = :tenant and a.value_date > :day and a.value_date <= :end"
                            + " and a.payment_id is not null and i.issue_date <= :day and " + NOT_TAKEN_BACK, Tuple.class)
                    .setParameter("tenant", tenant.value()).setParameter("day", asOf).setParameter("end", end)
                    .setParameter("known", end))
                    .forEach(row -> add(sums, row.text("currency"), weeks, 2, asOf, row.date("value_date"),
                            row.decimal("amount")));
            List<ForecastWeek> rows = new ArrayList<>();
            List<Money> forecastError = new ArrayList<>();
            List<Money> byDueDateError = new ArrayList<>();
            sums.forEach((currency, perWeek) -> {
                BigDecimal errorForecast = BigDecimal.ZERO;
                BigDecimal errorByDue = BigDecimal.ZERO;
                for (int week = 0; week < weeks; week++) {
                    BigDecimal[] values = perWeek[week];
                    rows.add(new ForecastWeek(asOf.plusDays(1 + 7L * week), currency, Money.of(values[0], currency),
                            Money.of(values[1], currency), Money.of(values[2], currency)));
                    errorForecast = errorForecast.add(values[0].subtract(values[2]).abs());
                    errorByDue = errorByDue.add(values[1].subtract(values[2]).abs());
                }
                forecastError.add(Money.of(errorForecast, currency));
                byDueDateError.add(Money.of(errorByDue, currency));
            });
            rows.sort((a, b) -> a.weekStart().equals(b.weekStart()) ? a.currency().compareTo(b.currency())
                    : a.weekStart().compareTo(b.weekStart()));
            return new ForecastBackTest(asOf, rows, forecastError, byDueDateError);
        });
    }

    /** Adds {@code amount} to column {@code column} of the week of {@code day}, if it falls in the first {@code weeks}. */
    private static void add(Map<String, BigDecimal[][]> sums, String currency, int weeks, int column, LocalDate asOf,
            LocalDate day, BigDecimal amount) {
        BigDecimal[][] perWeek = sums.computeIfAbsent(currency, c -> {
            BigDecimal[][] zeros = new BigDecimal[weeks][3];
            for (BigDecimal[] week : zeros) {
                Arrays.fill(week, BigDecimal.ZERO);
            }
            return zeros;
        });
        long week = ChronoUnit.DAYS.between(asOf.plusDays(1), day) / 7;
        if (week >= 0 && week < weeks) {
            perWeek[(int) week][column] = perWeek[(int) week][column].add(amount);
        }
    }

    /**
     * Payments' allocations that were not taken back by {@code :known}, nor take one back themselves: what a
     * customer really paid, as it was known then.
     */
    public static final String NOT_TAKEN_BACK = "a.reverses_id is null and not exists (select 1 from allocation r"
            + " where r.tenant_id = a.tenant_id and r.reverses_id = a.id and r.value_date <= :known)";

    /**
     * What was open at the end of {@code asOf}, summed per predicted payment date and currency, and per due date too
     * when {@code byDueDate} (a due date that has passed is moved to the day after {@code asOf}, as a predicted date
     * is). A prediction scored after {@code asOf} was not known then, so a past day's forecast (and its back-test)
     * never uses it. The database sums, so that a few thousand groups come back instead of every open installment.
     */
    private static List<Expected> expected(Session session, TenantId tenant, LocalDate asOf, boolean byDueDate) {
        WholeTenantReads.interpreted(session);
        // The tenant's open installments, allocations and customers' delays joined by hashing, whatever the statistics.
        WholeTenantReads.hashed(session);
        String due = byDueDate ? ", e.due_on" : "";
        // What was open on the day is what is open now plus what was allocated later (none for today's forecast),
        // summed per installment from allocation_value_date_ix.
        return NativeRow.stream(session.createNativeQuery("select e.predicted_on, e.currency" + due
                        + ", sum(e.open_amount) open_amount from (select greatest(coalesce(r.predicted_on, o.due_date"
                        + " + cast(coalesce(d.delay, 0) as integer)), :next) predicted_on, greatest(o.due_date, :next)"
                        + " due_on, o.currency, o.open_amount from (select i.id, i.customer_id, i.currency, i.due_date,"
                        + " i.open_amount + coalesce(l.later, 0) open_amount from installment i left join"
                        + " (select a.installment_id, sum(a.amount) later from allocation a where a.tenant_id = :tenant"
                        + " and a.value_date > :day group by a.installment_id) l on l.installment_id = i.id"
                        + " where i.tenant_id = :tenant and i.issue_date <= :day) o left join risk_installment r"
                        + " on r.tenant_id = :tenant and r.installment_id = o.id and r.scored_on <= :day"
                        + " left join (" + DELAYS + ") d on d.customer_id = o.customer_id"
                        + " where o.open_amount <> 0) e group by e.predicted_on, e.currency" + due, Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("day", asOf).setParameter("known", asOf)
                .setParameter("next", asOf.plusDays(1)))
                .map(row -> new Expected(row.text("currency"), byDueDate ? row.date("due_on") : null,
                        row.date("predicted_on"), row.decimal("open_amount")))
                .toList();
    }

    /**
     * Each customer's days between due date and payment, weighted by amount and rounded half up to whole days, in the
     * payments known on {@code :day}; none for a customer who has paid nothing. The weighted sum is divided at 20
     * decimals or more, so that it rounds as BigDecimal's exact quotient does: by default PostgreSQL keeps 16
     * significant digits, and a quotient a hair below one half could come out as one half and round up.
     */
    private static final String DELAYS = "select i.customer_id, round(sum(a.amount * cast(a.value_date - i.due_date"
            + " as integer)) * 1.00000000000000000000 / sum(a.amount)) delay from allocation a join installment i"
            + " on i.tenant_id = a.tenant_id and i.id = a.installment_id where a.tenant_id = :tenant"
            + " and a.value_date <= :day and a.payment_id is not null and " + NOT_TAKEN_BACK
            + " group by i.customer_id having sum(a.amount) > 0";

    /** The first day of the forecast week that {@code day} falls in; week 1 starts the day after {@code asOf}. */
    private static LocalDate weekStart(LocalDate asOf, LocalDate day) {
        return asOf.plusDays(1 + ChronoUnit.DAYS.between(asOf.plusDays(1), day) / 7 * 7);
    }

    private static List<ExpectedReceipt> receipts(Map<LocalDate, Map<String, BigDecimal>> byDay) {
        List<ExpectedReceipt> receipts = new ArrayList<>();
        byDay.forEach((day, amounts) -> amounts.forEach((currency, amount) -> receipts.add(new ExpectedReceipt(day,
                Money.of(amount, currency)))));
        return receipts;
    }

    private static void required(LocalDate asOf) {
        if (asOf == null) {
            throw new InvalidRequestException(FieldViolation.of("asOf", "is required"));
        }
    }

    /**
     * What was open in a currency, expected on a day: due on {@code due} (never before the forecast's first day; {@code
     * null} where not asked for) and predicted to be paid on {@code predicted}.
     */
    record Expected(String currency, LocalDate due, LocalDate predicted, BigDecimal open) {
    }
}
