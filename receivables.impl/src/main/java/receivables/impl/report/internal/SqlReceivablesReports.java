package receivables.impl.report.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hibernate.Session;

import jakarta.persistence.Tuple;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.report.Aging;
import receivables.api.report.AgingBucket;
import receivables.api.report.CollectionKpi;
import receivables.api.report.CollectionKpis;
import receivables.api.report.CollectionRow;
import receivables.api.report.CollectionsReport;
import receivables.api.report.DimensionAgingRow;
import receivables.api.report.ReceivablesReport;
import receivables.api.report.ReceivablesReports;
import receivables.api.report.ReportDimension;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.WholeTenantReads;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Receivables, collections and KPIs by dimension, summed by the database where the dimension allows it. As in
 * {@link SqlAging}, every installment's allocations are summed by a look-up on {@code allocation_installment_ix}
 * and each dimension's value is looked up by key, so that no plan depends on statistics. By product, the database
 * sums per invoice and each invoice's amounts are then split over its lines with {@link Money#split}, which keeps
 * the sum exact.
 */
@Component(service = ReceivablesReports.class)
public class SqlReceivablesReports implements ReceivablesReports {

    /** How far back the count-back looks for sales to match the receivables against. */
    static final int COUNT_BACK_MONTHS = 36;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int FIRST_YEAR = 1;

    private final Database database;
    private final TenantDirectory tenants;

    @Activate
    public SqlReceivablesReports(@Reference Database database, @Reference TenantDirectory tenants) {
        this.database = database;
        this.tenants = tenants;
    }

    @Override
    public ReceivablesReport receivables(TenantId tenant, LocalDate asOf, ReportDimension dimension, List<Integer> limits) {
        required("asOf", asOf);
        required("dimension", dimension);
        List<AgingBucket> buckets = SqlAging.buckets(limits == null || limits.isEmpty() ? Aging.DEFAULT_LIMITS : limits);
        return database.inTransaction(tenant, session -> {
            var query = SqlAging.bind(session.createNativeQuery(receivablesQuery(dimension, buckets.size()), Tuple.class),
                    tenant, asOf, buckets);
            Map<Group, BigDecimal[]> sums = new HashMap<>();
            Map<UUID, NativeRow> perInvoice = new LinkedHashMap<>();
            for (NativeRow row : NativeRow.list(query)) {
                if (dimension == ReportDimension.PRODUCT) {
                    perInvoice.put(row.uuid("k"), row);
                } else {
                    BigDecimal[] values = sums.computeIfAbsent(group(dimension, row), g -> zeros(buckets.size() + 1));
                    for (int i = 0; i <= buckets.size(); i++) {
                        values[i] = values[i].add(bucket(row, i, buckets.size()));
                    }
                }
            }
            if (dimension == ReportDimension.PRODUCT) {
                Map<UUID, List<Line>> lines = lines(session, tenant, perInvoice.keySet());
                perInvoice.forEach((invoice, row) -> {
                    String currency = row.text("currency");
                    List<Line> invoiceLines = lines.get(invoice);
                    List<BigDecimal> weights = invoiceLines.stream().map(Line::gross).toList();
                    List<List<Money>> split = new ArrayList<>();
                    for (int i = 0; i <= buckets.size(); i++) {
                        split.add(Money.of(bucket(row, i, buckets.size()), currency).split(weights));
                    }
                    for (int l = 0; l < invoiceLines.size(); l++) {
                        BigDecimal[] values = sums.computeIfAbsent(new Group(invoiceLines.get(l).product(),
                                invoiceLines.get(l).product(), currency), g -> zeros(buckets.size() + 1));
                        for (int i = 0; i <= buckets.size(); i++) {
                            values[i] = values[i].add(split.get(i).get(l).amount());
                        }
                    }
                });
            }
            List<DimensionAgingRow> rows = sums.entrySet().stream()
                    .filter(entry -> entry.getValue()[buckets.size()].signum() != 0)
                    .sorted(Map.Entry.comparingByKey(Group.ORDER))
                    .map(entry -> agingRow(entry.getKey(), entry.getValue())).toList();
            Map<String, BigDecimal[]> totals = new TreeMap<>();
            for (DimensionAgingRow row : rows) {
                BigDecimal[] values = totals.computeIfAbsent(row.currency(), c -> zeros(buckets.size() + 1));
                for (int i = 0; i < buckets.size(); i++) {
                    values[i] = values[i].add(row.buckets().get(i).amount());
                }
                values[buckets.size()] = values[buckets.size()].add(row.total().amount());
            }
            List<DimensionAgingRow> totalRows = totals.entrySet().stream()
                    .map(entry -> agingRow(new Group(null, null, entry.getKey()), entry.getValue())).toList();
            return new ReceivablesReport(asOf, dimension, buckets, rows, totalRows);
        });
    }

    @Override
    public CollectionsReport collections(TenantId tenant, LocalDate from, LocalDate to, ReportDimension dimension) {
        required("from", from);
        required("to", to);
        required("dimension", dimension);
        if (from.isAfter(to)) {
            throw new InvalidRequestException(FieldViolation.of("to", "must not be before from"));
        }
        if (from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw new InvalidRequestException(FieldViolation.of("to", "must be at most " + MAX_MONTHS + " months after from"));
        }
        return database.inTransaction(tenant, session -> {
            // Every payment of the tenant in the period, joined to its installments and invoices.
            WholeTenantReads.hashed(session);
            List<NativeRow> allocations = NativeRow.list(session.createNativeQuery(collectionsQuery(dimension), Tuple.class)
                    .setParameter("tenant", tenant.value()).setParameter("from", from).setParameter("to", to)
                    // Money that went back later was never collected, whenever it went back.
                    .setParameter("known", LocalDate.of(9999, 12, 31)));
            Map<UUID, List<Line>> lines = dimension == ReportDimension.PRODUCT
                    ? lines(session, tenant, allocations.stream().map(row -> row.uuid("k")).collect(Collectors.toSet()))
                    : Map.of();
            Map<Group, Collected> groups = new HashMap<>();
            Map<String, Collected> totals = new TreeMap<>();
            for (NativeRow row : allocations) {
                String currency = row.text("currency");
                Money amount = row.money("currency", "amount");
                LocalDate paid = row.date("value_date");
                LocalDate due = row.date("due_date");
                LocalDate issued = row.date("issue_date");
                totals.computeIfAbsent(currency, Collected::new).add(amount.amount(), paid, due, issued);
                if (dimension == ReportDimension.PRODUCT) {
                    List<Line> invoiceLines = lines.get(row.uuid("k"));
                    List<Money> parts = amount.split(invoiceLines.stream().map(Line::gross).toList());
                    for (int l = 0; l < invoiceLines.size(); l++) {
                        String product = invoiceLines.get(l).product();
                        groups.computeIfAbsent(new Group(product, product, currency), g -> new Collected(currency))
                                .add(parts.get(l).amount(), paid, due, issued);
                    }
                } else {
                    groups.computeIfAbsent(group(dimension, row), g -> new Collected(currency))
                            .add(amount.amount(), paid, due, issued);
                }
            }
            List<CollectionRow> rows = groups.entrySet().stream().sorted(Map.Entry.comparingByKey(Group.ORDER))
                    .map(entry -> entry.getValue().row(entry.getKey())).toList();
            List<CollectionRow> totalRows = totals.values().stream()
                    .map(collected -> collected.row(new Group(null, null, collected.currency))).toList();
            return new CollectionsReport(from, to, dimension, rows, totalRows);
        });
    }

    @Override
    public CollectionKpis kpis(TenantId tenant, LocalDate asOf, int months) {
        required("asOf", asOf);
        if (months < 1 || months > MAX_MONTHS) {
            throw new InvalidRequestException(FieldViolation.of("months", "must be from 1 to " + MAX_MONTHS));
        }
        String functional = tenants.settings(tenant).functionalCurrency();
        List<LocalDate> days = new ArrayList<>();
        for (int back = months - 1; back >= 1; back--) {
            YearMonth month = YearMonth.from(asOf).minusMonths(back);
            if (month.getYear() >= FIRST_YEAR) {
                days.add(month.atEndOfMonth());
            }
        }
        days.add(asOf);
        return database.inTransaction(tenant, session -> {
            YearMonth firstSales = YearMonth.from(days.get(0)).minusMonths(COUNT_BACK_MONTHS);
            Map<YearMonth, BigDecimal> sales = monthlySales(session, tenant,
                    firstSales.getYear() < FIRST_YEAR ? LocalDate.of(FIRST_YEAR, 1, 1) : firstSales.atDay(1), asOf);
            Map<LocalDate, BigDecimal[]> balances = new HashMap<>();
            // Nothing was issued before the first day a date may have.
            Function<LocalDate, BigDecimal[]> balance = day -> day.getYear() < FIRST_YEAR
                    ? new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO }
                    : balances.computeIfAbsent(day, d -> receivablesOn(session, tenant, d));
            List<CollectionKpi> trend = new ArrayList<>();
            for (LocalDate day : days) {
                BigDecimal[] end = balance.apply(day);
                BigDecimal[] start = balance.apply(day.withDayOfMonth(1).minusDays(1));
                BigDecimal dso = countBack(end[0], day, sales);
                BigDecimal best = countBack(end[1], day, sales);
                BigDecimal sold = sales.getOrDefault(YearMonth.from(day), BigDecimal.ZERO);
                BigDecimal collectible = start[0].add(sold).subtract(end[1]);
                BigDecimal cei = collectible.signum() <= 0 ? null
                        : start[0].add(sold).subtract(end[0]).multiply(HUNDRED).divide(collectible, 2, RoundingMode.HALF_UP);
                trend.add(new CollectionKpi(day, Money.rounded(end[0], functional), Money.rounded(end[1], functional), dso,
                        best, dso.subtract(best), cei));
            }
            return new CollectionKpis(asOf, functional, trend.get(trend.size() - 1), trend);
        });
    }

    /**
     * Days of sales that {@code receivables} stand for, counted back from {@code day}: the month of {@code day} up
     * to it, then whole months before, the last one in proportion to what is left of its sales. Receivables beyond
     * {@link #COUNT_BACK_MONTHS} months of sales count those months' days only.
     */
    static BigDecimal countBack(BigDecimal receivables, LocalDate day, Map<YearMonth, BigDecimal> sales) {
        BigDecimal left = receivables;
        BigDecimal days = BigDecimal.ZERO;
        YearMonth month = YearMonth.from(day);
        for (int back = 0; back < COUNT_BACK_MONTHS && left.signum() > 0; back++, month = month.minusMonths(1)) {
            BigDecimal monthDays = BigDecimal.valueOf(back == 0 ? day.getDayOfMonth() : month.lengthOfMonth());
            BigDecimal sold = sales.getOrDefault(month, BigDecimal.ZERO);
            if (sold.compareTo(left) >= 0) {
                days = days.add(monthDays.multiply(left).divide(sold, 10, RoundingMode.HALF_UP));
                left = BigDecimal.ZERO;
            } else {
                days = days.add(monthDays);
                left = left.subtract(sold);
            }
        }
        return days.setScale(1, RoundingMode.HALF_UP);
    }

    /** What was open on {@code day} and, of it, what was not yet due, in the functional currency at the rates of issue. */
    private static BigDecimal[] receivablesOn(Session session, TenantId tenant, LocalDate day) {
        NativeRow row = NativeRow.list(session.createNativeQuery("select coalesce(sum(o.open_amount * o.rate), 0) open_total,"
                        + " coalesce(sum(case when o.due_date >= :day then o.open_amount * o.rate else 0 end), 0) not_due"
                        + " from (select i.due_date, " + OPEN_AMOUNT + " open_amount, " + RATE + " rate"
                        + " from installment i where i.tenant_id = :tenant and i.issue_date <= :day) o", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("day", day)).get(0);
        return new BigDecimal[] { row.decimal("open_total"), row.decimal("not_due") };
    }

    /** Credit sales (gross invoiced) per month of issue from {@code from} to {@code to}, in the functional currency. */
    private static Map<YearMonth, BigDecimal> monthlySales(Session session, TenantId tenant, LocalDate from, LocalDate to) {
        Map<YearMonth, BigDecimal> sales = new HashMap<>();
        NativeRow.list(session.createNativeQuery("select extract(year from i.issue_date) sold_year,"
                        + " extract(month from i.issue_date) sold_month, sum(i.amount * " + RATE + ") sold"
                        + " from installment i where i.tenant_id = :tenant and i.issue_date between :from and :to"
                        + " group by extract(year from i.issue_date), extract(month from i.issue_date)", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("from", from).setParameter("to", to))
                .forEach(row -> sales.put(YearMonth.of(row.integer("sold_year"), row.integer("sold_month")),
                        row.decimal("sold")));
        return sales;
    }

    /** What installment {@code i} had open at the end of {@code :asOf} or {@code :day}. */
    static final String OPEN_AMOUNT = "i.amount - coalesce((select sum(a.amount) from allocation a"
            + " where a.tenant_id = i.tenant_id and a.installment_id = i.id and a.value_date <= :day), 0)";

    /** The rate of installment {@code i}'s invoice into the functional currency at issue; 1 in the functional currency. */
    private static final String RATE = "coalesce((select v.fx_rate from invoice v where v.tenant_id = i.tenant_id"
            + " and v.id = i.invoice_id), 1)";

    /**
     * Per dimension value and currency (per invoice and currency by product): the buckets' sums and the total; the
     * key first, then the label.
     */
    static String receivablesQuery(ReportDimension dimension, int bucketCount) {
        StringBuilder sql = new StringBuilder("select g.k, ").append(label(dimension, "g.k")).append(" label, g.currency");
        for (int i = 0; i < bucketCount; i++) {
            sql.append(", g.bucket").append(i);
        }
        sql.append(", g.total from (select o.k, o.currency");
        for (int i = 0; i < bucketCount; i++) {
            sql.append(", sum(case when o.due_date between :earliest").append(i).append(" and :latest").append(i)
                    .append(" then o.open_amount else 0 end) bucket").append(i);
        }
        sql.append(", sum(o.open_amount) total from (select ").append(key(dimension, "i")).append(" k, i.currency,")
                .append(" i.due_date, ").append(OPEN_AMOUNT.replace(":day", ":asOf")).append(" open_amount")
                .append(" from installment i where i.tenant_id = :tenant and i.issue_date <= :asOf) o")
                .append(" group by o.k, o.currency having sum(o.open_amount) <> 0) g");
        return sql.toString();
    }

    /**
     * Each allocation of a payment from {@code :from} to {@code :to} that was not taken back, nor taking one back:
     * key, label, currency, amount, value date, due and issue date of the installment.
     */
    static String collectionsQuery(ReportDimension dimension) {
        return "select c.k, " + label(dimension, "c.k") + " label, c.currency, c.amount, c.value_date, c.due_date, c.issue_date"
                + " from (select " + key(dimension, "i") + " k, i.currency, a.amount, a.value_date, i.due_date, i.issue_date"
                + " from allocation a join installment i on i.tenant_id = a.tenant_id and i.id = a.installment_id"
                + " where a.tenant_id = :tenant and a.value_date between :from and :to and a.payment_id is not null"
                + " and " + SqlCashForecasts.NOT_TAKEN_BACK + ") c";
    }

    /** The dimension's key of installment {@code i}, each looked up by primary key; by product, the invoice. */
    private static String key(ReportDimension dimension, String i) {
        return switch (dimension) {
            case CUSTOMER -> i + ".customer_id";
            case CURRENCY -> i + ".currency";
            case PRODUCT -> i + ".invoice_id";
            case SALESPERSON -> "(select v.salesperson from invoice v where v.tenant_id = " + i + ".tenant_id and v.id = "
                    + i + ".invoice_id)";
            case SEGMENT, COUNTRY -> "(select c.%s from customer_account c where c.tenant_id = %s.tenant_id and c.id = %s"
                    .formatted(dimension.parameter(), i, i) + ".customer_id)";
        };
    }

    /** What a person reads for key {@code k}: the customer's name, else the key itself. */
    private static String label(ReportDimension dimension, String k) {
        return dimension == ReportDimension.CUSTOMER
                ? "(select n.name from customer_account n where n.tenant_id = :tenant and n.id = " + k + ")"
                : k;
    }

    private static Group group(ReportDimension dimension, NativeRow row) {
        String key = row.isNull("k") ? null
                : dimension == ReportDimension.CUSTOMER ? row.uuid("k").toString() : row.text("k");
        return new Group(key, row.isNull("label") ? key : row.text("label"), row.text("currency"));
    }

    /** Bucket {@code i} of a row of {@link #receivablesQuery}; the one after the last is the total. */
    private static BigDecimal bucket(NativeRow row, int i, int bucketCount) {
        return row.decimal(i == bucketCount ? "total" : "bucket" + i);
    }

    private static DimensionAgingRow agingRow(Group group, BigDecimal[] values) {
        List<Money> amounts = new ArrayList<>();
        for (int i = 0; i < values.length - 1; i++) {
            amounts.add(Money.of(values[i], group.currency()));
        }
        return new DimensionAgingRow(group.key(), group.label(), group.currency(), amounts,
                Money.of(values[values.length - 1], group.currency()));
    }

    /** The lines of {@code invoices} with their gross amounts, in line order. */
    private static Map<UUID, List<Line>> lines(Session session, TenantId tenant, Collection<UUID> invoices) {
        Map<UUID, List<Line>> lines = new HashMap<>();
        List<UUID> ids = new ArrayList<>(invoices);
        for (int start = 0; start < ids.size(); start += 1000) {
            NativeRow.list(session.createNativeQuery("select l.invoice_id, l.product, l.net_amount + l.tax_amount gross"
                            + " from invoice_line l where l.tenant_id = :tenant and l.invoice_id in (:ids)"
                            + " order by l.invoice_id, l.line_number", Tuple.class)
                    .setParameter("tenant", tenant.value())
                    .setParameterList("ids", ids.subList(start, Math.min(ids.size(), start + 1000))))
                    .forEach(row -> lines.computeIfAbsent(row.uuid("invoice_id"), id -> new ArrayList<>())
                            .add(new Line(row.text("product"), row.decimal("gross"))));
        }
        return lines;
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new InvalidRequestException(FieldViolation.of(field, "is required"));
        }
    }

    private static BigDecimal[] zeros(int size) {
        BigDecimal[] zeros = new BigDecimal[size];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    /** One row of a report: a dimension's value in one currency; a {@code null} key sorts last. */
    record Group(String key, String label, String currency) {

        static final Comparator<Group> ORDER = Comparator.comparing(Group::label, Comparator.nullsLast(String::compareTo))
                .thenComparing(Group::key, Comparator.nullsLast(String::compareTo)).thenComparing(Group::currency);
    }

    record Line(String product, BigDecimal gross) {
    }

    /** Sums of collected amounts, weighted days and what was in time, for one row. */
    static final class Collected {

        final String currency;
        BigDecimal collected = BigDecimal.ZERO;
        BigDecimal onTime = BigDecimal.ZERO;
        BigDecimal daysToPay = BigDecimal.ZERO;
        BigDecimal daysBeyond = BigDecimal.ZERO;

        Collected(String currency) {
            this.currency = currency;
        }

        void add(BigDecimal amount, LocalDate paid, LocalDate due, LocalDate issued) {
            long late = ChronoUnit.DAYS.between(due, paid);
            collected = collected.add(amount);
            if (late <= 0) {
                onTime = onTime.add(amount);
            }
            daysToPay = daysToPay.add(amount.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(issued, paid))));
            daysBeyond = daysBeyond.add(amount.multiply(BigDecimal.valueOf(Math.max(0, late))));
        }

        CollectionRow row(Group group) {
            boolean none = collected.signum() == 0;
            return new CollectionRow(group.key(), group.label(), currency, Money.of(collected, currency),
                    none ? null : onTime.multiply(HUNDRED).divide(collected, 2, RoundingMode.HALF_UP),
                    none ? null : daysToPay.divide(collected, 1, RoundingMode.HALF_UP),
                    none ? null : daysBeyond.divide(collected, 1, RoundingMode.HALF_UP));
        }
    }
}
