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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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
 * {@link SqlAging}, what was open on a day is the kept open amount plus what was allocated later, and each
 * dimension's value is looked up by key or joined by hashing, so that no plan depends on statistics. By product, the database
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
            WholeTenantReads.interpreted(session);
            // Dimensions joined by hashing, whatever the statistics say: on tables never analyzed PostgreSQL looked
            // each customer up by any index starting with the tenant, reading all of its customers every time.
            WholeTenantReads.hashed(session);
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
            List<NativeRow> collected = NativeRow.list(session.createNativeQuery(collectionsQuery(dimension), Tuple.class)
                    .setParameter("tenant", tenant.value()).setParameter("from", from).setParameter("to", to)
                    // Money that went back later was never collected, whenever it went back.
                    .setParameter("known", LocalDate.of(9999, 12, 31)));
            Map<Group, Collected> groups = new HashMap<>();
            Map<String, Collected> totals = new TreeMap<>();
            if (dimension == ReportDimension.PRODUCT) {
                Map<UUID, List<Line>> lines = lines(session, tenant,
                        collected.stream().map(row -> row.uuid("k")).collect(Collectors.toSet()));
                for (NativeRow row : collected) {
                    String currency = row.text("currency");
                    Money amount = row.money("currency", "amount");
                    LocalDate paid = row.date("value_date");
                    LocalDate due = row.date("due_date");
                    LocalDate issued = row.date("issue_date");
                    totals.computeIfAbsent(currency, Collected::new).add(amount.amount(), paid, due, issued);
                    List<Line> invoiceLines = lines.get(row.uuid("k"));
                    List<Money> parts = amount.split(invoiceLines.stream().map(Line::gross).toList());
                    for (int l = 0; l < invoiceLines.size(); l++) {
                        String product = invoiceLines.get(l).product();
                        groups.computeIfAbsent(new Group(product, product, currency), g -> new Collected(currency))
                                .add(parts.get(l).amount(), paid, due, issued);
                    }
                }
            } else {
                for (NativeRow row : collected) {
                    String currency = row.text("currency");
                    groups.computeIfAbsent(group(dimension, row), g -> new Collected(currency)).add(row);
                    totals.computeIfAbsent(currency, Collected::new).add(row);
                }
            }
            List<CollectionRow> rows = groups.entrySet().stream().sorted(Map.Entry.comparingByKey(Group.ORDER))
                    .map(entry -> entry.getValue().row(entry.getKey())).toList();
            List<CollectionRow> totalRows = totals.values().stream()
                    .map(sums -> sums.row(new Group(null, null, sums.currency))).toList();
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
            Balances balances = balances(session, tenant, asOf);
            Map<YearMonth, BigDecimal> sales = balances.sales(firstSales);
            List<CollectionKpi> trend = new ArrayList<>();
            for (LocalDate day : days) {
                BigDecimal[] end = balances.on(day);
                BigDecimal[] start = balances.on(day.withDayOfMonth(1).minusDays(1));
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

    /**
     * What was issued up to {@code asOf} and what was allocated to it up to {@code asOf}, in the functional currency at
     * the rates of issue, summed per month and due date: an allocation counts from its value date or its installment's
     * issue date, whichever is later. Every day the KPIs ask about is a month end before {@code asOf}, or {@code asOf}
     * itself, so the month tells whether a sum counts on a day, and the due date whether it was due. Two passes over
     * the tenant's installments and allocations, joined by hashing ({@link WholeTenantReads}); asking per day, with
     * each installment's allocations summed by a look-up, took a trend of 24 months over 5,000,000 payments minutes.
     */
    private static Balances balances(Session session, TenantId tenant, LocalDate asOf) {
        WholeTenantReads.interpreted(session);
        WholeTenantReads.hashed(session);
        Balances balances = new Balances();
        NativeRow.list(session.createNativeQuery("select extract(year from i.issue_date) y, extract(month from i.issue_date) m,"
                        + " i.due_date, sum(i.amount * " + RATE + ") amount from installment i" + WITH_INVOICE
                        + " where i.tenant_id = :tenant and i.issue_date <= :asOf"
                        + " group by extract(year from i.issue_date), extract(month from i.issue_date), i.due_date", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("asOf", asOf))
                .forEach(row -> balances.issued.add(new Sum(month(row), row.date("due_date"), row.decimal("amount"))));
        NativeRow.list(session.createNativeQuery("select extract(year from greatest(a.value_date, i.issue_date)) y,"
                        + " extract(month from greatest(a.value_date, i.issue_date)) m, i.due_date,"
                        + " sum(a.amount * " + RATE + ") amount from allocation a"
                        + " join installment i on i.tenant_id = a.tenant_id and i.id = a.installment_id" + WITH_INVOICE
                        + " where a.tenant_id = :tenant and a.value_date <= :asOf and i.issue_date <= :asOf"
                        + " group by extract(year from greatest(a.value_date, i.issue_date)),"
                        + " extract(month from greatest(a.value_date, i.issue_date)), i.due_date", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("asOf", asOf))
                .forEach(row -> balances.allocated.add(new Sum(month(row), row.date("due_date"), row.decimal("amount"))));
        return balances;
    }

    private static YearMonth month(NativeRow row) {
        return YearMonth.of(row.integer("y"), row.integer("m"));
    }

    /** An amount issued or allocated in a month to installments due on a day. */
    private record Sum(YearMonth month, LocalDate due, BigDecimal amount) {
    }

    /** What {@link #balances} read: enough to tell the receivables on any month end up to its as-of day, and the sales. */
    private static final class Balances {

        final List<Sum> issued = new ArrayList<>();
        final List<Sum> allocated = new ArrayList<>();

        /** What was open at the end of {@code day} and, of it, what was not yet due. */
        BigDecimal[] on(LocalDate day) {
            BigDecimal[] open = { BigDecimal.ZERO, BigDecimal.ZERO };
            YearMonth month = YearMonth.from(day);
            for (List<Sum> sums : List.of(issued, allocated)) {
                boolean add = sums == issued;
                for (Sum sum : sums) {
                    if (!sum.month().isAfter(month)) {
                        BigDecimal amount = add ? sum.amount() : sum.amount().negate();
                        open[0] = open[0].add(amount);
                        if (!sum.due().isBefore(day)) {
                            open[1] = open[1].add(amount);
                        }
                    }
                }
            }
            return open;
        }

        /** Credit sales (gross invoiced) per month of issue from {@code first} on. */
        Map<YearMonth, BigDecimal> sales(YearMonth first) {
            Map<YearMonth, BigDecimal> sales = new HashMap<>();
            for (Sum sum : issued) {
                if (!sum.month().isBefore(first)) {
                    sales.merge(sum.month(), sum.amount(), BigDecimal::add);
                }
            }
            return sales;
        }
    }

    /** Installment {@code i}'s invoice {@code v}, for its rate. */
    private static final String WITH_INVOICE = invoiceOf("i");

    /** The rate of installment {@code i}'s invoice {@code v} into the functional currency at issue; 1 in the functional currency. */
    private static final String RATE = "coalesce(v.fx_rate, 1)";

    /**
     * Per dimension value and currency (per invoice and currency by product; per customer and currency by segment and
     * country, whose value is joined per customer, and summed in Java): the buckets' sums and the total; the key
     * first, then the label. As in {@link SqlAging#query}, what was open on the day is what is open now plus what was
     * allocated later, summed apart: by customer the open amounts are summed while reading {@code
     * installment_customer_ix}, and the later allocations from {@code allocation_value_date_ix} without their
     * installments. Looking up each installment's allocations up to the day instead cost an index look-up per
     * installment.
     */
    static String receivablesQuery(ReportDimension dimension, int bucketCount) {
        String inner = groupedBy(dimension, "i");
        String join = dimension == ReportDimension.SALESPERSON ? WITH_INVOICE : "";
        String allocated = groupedBy(dimension, "a");
        String allocatedJoin = dimension == ReportDimension.SALESPERSON ? invoiceOf("a") : "";
        String key = switch (dimension) {
            case SEGMENT, COUNTRY -> "c." + dimension.parameter();
            default -> "g.k";
        };
        String label = switch (dimension) {
            case CUSTOMER -> "c.name";
            case SEGMENT, COUNTRY -> "c." + dimension.parameter();
            default -> "g.k";
        };
        StringBuilder sql = new StringBuilder("select ").append(key).append(" k, ").append(label)
                .append(" label, g.currency");
        for (int i = 0; i < bucketCount; i++) {
            sql.append(", g.bucket").append(i);
        }
        sql.append(", g.total from (select o.k, o.currency");
        for (int i = 0; i < bucketCount; i++) {
            sql.append(", sum(o.bucket").append(i).append(") bucket").append(i);
        }
        sql.append(", sum(o.total) total from (select ").append(inner).append(" k, i.currency")
                .append(SqlAging.sums(bucketCount, "i", "i.open_amount")).append(" from installment i").append(join)
                .append(" where i.tenant_id = :tenant and i.issue_date <= :asOf and i.open_amount <> 0")
                .append(" group by ").append(inner).append(", i.currency")
                .append(" union all select ").append(allocated).append(" k, a.currency")
                .append(SqlAging.sums(bucketCount, "a", "a.amount")).append(" from allocation a").append(allocatedJoin)
                .append(" where a.tenant_id = :tenant and a.value_date > :asOf and a.issue_date <= :asOf")
                .append(" group by ").append(allocated).append(", a.currency) o group by o.k, o.currency");
        // By segment and country a customer's rows are summed further in Java, which leaves out what adds up to nothing.
        if (dimension != ReportDimension.SEGMENT && dimension != ReportDimension.COUNTRY) {
            sql.append(" having sum(o.total) <> 0");
        }
        sql.append(") g");
        if (dimension == ReportDimension.CUSTOMER || dimension == ReportDimension.SEGMENT
                || dimension == ReportDimension.COUNTRY) {
            sql.append(" join customer_account c on c.tenant_id = :tenant and c.id = g.k");
        }
        return sql.toString();
    }

    /**
     * The allocations of payments from {@code :from} to {@code :to} that were not taken back, nor take one back. By
     * product each one with the invoice as key, its amount, value date, and its installment's due and issue date, to
     * be split over the invoice's lines; by any other dimension summed per key, label and currency by the database:
     * the amount collected, what of it was paid by the due date, and the amount weighted by the days from issue to
     * payment and by the days paid late.
     */
    static String collectionsQuery(ReportDimension dimension) {
        String[] keyLabelJoin = switch (dimension) {
            case CUSTOMER -> new String[] { "i.customer_id", "c.name", CUSTOMER_OF_INSTALLMENT };
            case CURRENCY -> new String[] { "i.currency", "i.currency", "" };
            case PRODUCT -> new String[] { "i.invoice_id", "i.invoice_id", "" };
            case SALESPERSON -> new String[] { "v.salesperson", "v.salesperson", WITH_INVOICE };
            case SEGMENT, COUNTRY -> new String[] { "c." + dimension.parameter(), "c." + dimension.parameter(),
                    CUSTOMER_OF_INSTALLMENT };
        };
        String from = " from allocation a join installment i on i.tenant_id = a.tenant_id and i.id = a.installment_id"
                + keyLabelJoin[2] + " where a.tenant_id = :tenant and a.value_date between :from and :to"
                + " and a.payment_id is not null and " + SqlCashForecasts.NOT_TAKEN_BACK;
        if (dimension == ReportDimension.PRODUCT) {
            return "select " + keyLabelJoin[0] + " k, i.currency, a.amount, a.value_date, i.due_date, i.issue_date" + from;
        }
        return "select " + keyLabelJoin[0] + " k, " + keyLabelJoin[1] + " label, i.currency, sum(a.amount) collected,"
                + " sum(case when a.value_date <= i.due_date then a.amount else 0 end) on_time,"
                + " sum(a.amount * cast(a.value_date - i.issue_date as integer)) days_to_pay,"
                + " sum(case when a.value_date > i.due_date then a.amount * cast(a.value_date - i.due_date as integer)"
                + " else 0 end) days_beyond" + from + " group by "
                + String.join(", ", new LinkedHashSet<>(List.of(keyLabelJoin[0], keyLabelJoin[1], "i.currency")));
    }

    /** Installment {@code i}'s customer {@code c}, joined by hashing like everything the collections read. */
    private static final String CUSTOMER_OF_INSTALLMENT = " join customer_account c on c.tenant_id = i.tenant_id"
            + " and c.id = i.customer_id";

    private static Group group(ReportDimension dimension, NativeRow row) {
        String key = row.isNull("k") ? null
                : dimension == ReportDimension.CUSTOMER ? row.uuid("k").toString() : row.text("k");
        return new Group(key, row.isNull("label") ? key : row.text("label"), row.text("currency"));
    }

    /**
     * What {@link #receivablesQuery} groups the rows of {@code table} by: an installment's, or an allocation's, which
     * carries its installment's invoice, customer, currency, issue date and due date.
     */
    private static String groupedBy(ReportDimension dimension, String table) {
        return switch (dimension) {
            case CUSTOMER, SEGMENT, COUNTRY -> table + ".customer_id";
            case CURRENCY -> table + ".currency";
            case PRODUCT -> table + ".invoice_id";
            case SALESPERSON -> "v.salesperson";
        };
    }

    /** The invoice {@code v} of the rows of {@code table}: installments or allocations, which carry their invoice's id. */
    private static String invoiceOf(String table) {
        return " left join invoice v on v.tenant_id = " + table + ".tenant_id and v.id = " + table + ".invoice_id";
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

        /** Adds a row of {@link #collectionsQuery}'s sums. */
        void add(NativeRow sums) {
            collected = collected.add(sums.decimal("collected"));
            onTime = onTime.add(sums.decimal("on_time"));
            daysToPay = daysToPay.add(sums.decimal("days_to_pay"));
            daysBeyond = daysBeyond.add(sums.decimal("days_beyond"));
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
