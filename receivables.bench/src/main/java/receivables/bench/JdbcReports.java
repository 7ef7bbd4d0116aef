package receivables.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import receivables.api.report.ReportDimension;

/**
 * The reports' baselines on PostgreSQL: for each report the query a competent engineer writes by hand for the same
 * question, run with plain JDBC, and what little arithmetic is left done in Java. Each answers as one line of text
 * per row of the report (key, currency, amounts), so that the benchmark compares them with ours to the cent.
 *
 * <p>What an installment had open on a day is its amount less its allocations with a value date up to the day,
 * summed by a hashed group of the tenant's allocations, as in {@link JdbcAging}. By product, an amount is spread
 * over the invoice's lines in proportion to their gross amounts, rounded half up to the cent, the last line taking
 * the remainder, in SQL with window functions.
 */
final class JdbcReports {

    /** Days of the cash forecast: 13 weeks. */
    static final int FORECAST_DAYS = 91;
    /** How far back the count-back looks for sales. */
    static final int COUNT_BACK_MONTHS = 36;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private JdbcReports() {
    }

    /** The buckets of {@code Aging.DEFAULT_LIMITS} as due-date conditions on {@code o.due_date}: current, 1-30, 31-60, 61-90, over 90. */
    private static final String BUCKETS = "sum(case when o.due_date >= cast(:asOf as date) then o.amount else 0 end) b0,"
            + " sum(case when o.due_date between cast(:asOf as date) - 30 and cast(:asOf as date) - 1 then o.amount else 0 end) b1,"
            + " sum(case when o.due_date between cast(:asOf as date) - 60 and cast(:asOf as date) - 31 then o.amount else 0 end) b2,"
            + " sum(case when o.due_date between cast(:asOf as date) - 90 and cast(:asOf as date) - 61 then o.amount else 0 end) b3,"
            + " sum(case when o.due_date < cast(:asOf as date) - 90 then o.amount else 0 end) b4, sum(o.amount) total";
    private static final int BUCKET_COLUMNS = 6;

    private static final String OPEN = "paid as (select installment_id, sum(amount) paid from allocation"
            + " where tenant_id = :tenant and value_date <= cast(:asOf as date) group by installment_id),"
            + " open as (select i.tenant_id, i.id, i.customer_id, i.invoice_id, i.currency, i.due_date,"
            + " i.amount - coalesce(p.paid, 0) amount from installment i left join paid p on p.installment_id = i.id"
            + " where i.tenant_id = :tenant and i.issue_date <= cast(:asOf as date))";

    /** Each invoice line with its gross amount, its invoice's gross and whether it is the invoice's last line. */
    private static final String LINES = "lines as (select l.invoice_id, l.product, l.net_amount + l.tax_amount gross,"
            + " sum(l.net_amount + l.tax_amount) over (partition by l.invoice_id) invoice_gross,"
            + " l.line_number = max(l.line_number) over (partition by l.invoice_id) last from invoice_line l"
            + " where l.tenant_id = :tenant)";

    /** Open receivables as of {@code asOf} by {@code dimension} in the default buckets: "key|label|currency|b0..b4|total". */
    static List<String> receivables(Connection connection, String tenant, LocalDate asOf, ReportDimension dimension)
            throws SQLException {
        String sql;
        if (dimension == ReportDimension.PRODUCT) {
            StringBuilder shares = new StringBuilder();
            StringBuilder sums = new StringBuilder();
            for (String column : new String[] { "b0", "b1", "b2", "b3", "b4", "total" }) {
                String share = "round(p." + column + " * l.gross / l.invoice_gross, 2)";
                shares.append(", case when l.last then p.").append(column).append(" - sum(case when l.last then 0 else ")
                        .append(share).append(" end) over (partition by p.invoice_id) else ").append(share).append(" end ")
                        .append(column);
                sums.append(", sum(").append(column).append(")");
            }
            sql = "with " + OPEN + ", per_invoice as (select o.invoice_id, o.currency, " + BUCKETS
                    + " from open o group by o.invoice_id, o.currency having sum(o.amount) <> 0), " + LINES
                    + ", shares as (select l.product, p.currency" + shares
                    + " from per_invoice p join lines l on l.invoice_id = p.invoice_id)"
                    + " select product, product, currency" + sums + " from shares group by product, currency"
                    + " having sum(total) <> 0";
        } else {
            String[] keyLabelJoin = keyLabelJoin(dimension, "o");
            sql = "with " + OPEN + " select " + keyLabelJoin[0] + " k, " + keyLabelJoin[1] + " label, o.currency, "
                    + BUCKETS + " from open o " + keyLabelJoin[2] + " group by 1, 2, 3 having sum(o.amount) <> 0";
        }
        return lines(connection, sql, Map.of("tenant", tenant, "asOf", asOf), 3 + BUCKET_COLUMNS);
    }

    /**
     * What was collected from {@code from} to {@code to} by {@code dimension}: "key|label|currency|collected|on time
     * %|average days to pay|average days beyond terms". Allocations of payments only, neither taken back nor taking back.
     */
    static List<String> collections(Connection connection, String tenant, LocalDate from, LocalDate to,
            ReportDimension dimension) throws SQLException {
        String allocations = "select a.id, a.invoice_id, i.tenant_id, i.customer_id, i.currency, a.amount, a.value_date,"
                + " i.due_date, i.issue_date from allocation a join installment i on i.tenant_id = a.tenant_id"
                + " and i.id = a.installment_id where a.tenant_id = :tenant and a.value_date between cast(:from as date)"
                + " and cast(:to as date) and a.payment_id is not null and a.reverses_id is null and not exists"
                + " (select 1 from allocation r where r.tenant_id = a.tenant_id and r.reverses_id = a.id)";
        String sums = ", sum(x.amount), sum(case when x.value_date <= x.due_date then x.amount else 0 end),"
                + " sum(x.amount * (x.value_date - x.issue_date)),"
                + " sum(x.amount * greatest(x.value_date - x.due_date, 0))";
        String sql;
        if (dimension == ReportDimension.PRODUCT) {
            String share = "round(a.amount * l.gross / l.invoice_gross, 2)";
            sql = "with a as (" + allocations + "), " + LINES + ", x as (select l.product, a.currency, a.value_date,"
                    + " a.due_date, a.issue_date, case when l.last then a.amount - sum(case when l.last then 0 else "
                    + share + " end) over (partition by a.id) else " + share + " end amount"
                    + " from a join lines l on l.invoice_id = a.invoice_id)"
                    + " select x.product, x.product, x.currency" + sums + " from x group by 1, 2, 3";
        } else {
            String[] keyLabelJoin = keyLabelJoin(dimension, "x");
            sql = "select " + keyLabelJoin[0] + ", " + keyLabelJoin[1] + ", x.currency" + sums + " from ("
                    + allocations + ") x " + keyLabelJoin[2] + " group by 1, 2, 3";
        }
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, Map.of("tenant", tenant, "from", from, "to", to));
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                BigDecimal collected = result.getBigDecimal(4);
                boolean none = collected.signum() == 0;
                rows.add(String.join("|", result.getString(1), result.getString(2), result.getString(3), text(collected),
                        none ? "null" : text(result.getBigDecimal(5).multiply(HUNDRED).divide(collected, 2, RoundingMode.HALF_UP)),
                        none ? "null" : text(result.getBigDecimal(6).divide(collected, 1, RoundingMode.HALF_UP)),
                        none ? "null" : text(result.getBigDecimal(7).divide(collected, 1, RoundingMode.HALF_UP))));
            }
        }
        return rows;
    }

    /** The key, the label and the join that gives them, of rows {@code row} carrying tenant, customer, invoice and currency. */
    private static String[] keyLabelJoin(ReportDimension dimension, String row) {
        String customer = "join customer_account c on c.tenant_id = " + row + ".tenant_id and c.id = " + row + ".customer_id";
        return switch (dimension) {
            case CUSTOMER -> new String[] { "cast(" + row + ".customer_id as varchar)", "c.name", customer };
            case SALESPERSON -> new String[] { "v.salesperson", "v.salesperson", "join invoice v on v.tenant_id = " + row
                    + ".tenant_id and v.id = " + row + ".invoice_id" };
            case SEGMENT, COUNTRY -> new String[] { "c." + dimension.parameter(), "c." + dimension.parameter(), customer };
            case CURRENCY -> new String[] { row + ".currency", row + ".currency", "" };
            case PRODUCT -> throw new IllegalArgumentException("by product, amounts are spread over the lines");
        };
    }

    /**
     * The KPIs on {@code days} (month ends and the as-of day, the last), in the functional currency at the rates of
     * issue: "day|receivables|current|dso|best possible dso|average days delinquent|cei". One query sums what was
     * issued and what was paid per day; the count-back runs over the monthly sales in Java.
     */
    static List<String> kpis(Connection connection, String tenant, List<LocalDate> days) throws SQLException {
        LocalDate asOf = days.get(days.size() - 1);
        List<LocalDate> balanceDays = new ArrayList<>(days);
        for (LocalDate day : days) {
            balanceDays.add(day.withDayOfMonth(1).minusDays(1));
        }
        String dayArray = "{" + String.join(",", balanceDays.stream().distinct().map(LocalDate::toString).toList()) + "}";
        String sql = "with days(day) as (select unnest(cast(cast(:days as text) as date[]))),"
                + " i as (select i.id, i.issue_date, i.due_date, i.amount, coalesce(v.fx_rate, 1) rate from installment i"
                + " left join invoice v on v.tenant_id = i.tenant_id and v.id = i.invoice_id"
                + " where i.tenant_id = :tenant and i.issue_date <= cast(:asOf as date)),"
                + " issued as (select issue_date, due_date, sum(amount * rate) amount from i group by issue_date, due_date),"
                + " paid as (select greatest(a.value_date, i.issue_date) counted, i.due_date, sum(a.amount * i.rate) amount"
                + " from allocation a join i on i.id = a.installment_id where a.tenant_id = :tenant"
                + " and a.value_date <= cast(:asOf as date) group by 1, 2)"
                + " select d.day, coalesce((select sum(amount) from issued where issue_date <= d.day), 0)"
                + " - coalesce((select sum(amount) from paid where counted <= d.day), 0),"
                + " coalesce((select sum(amount) from issued where issue_date <= d.day and due_date >= d.day), 0)"
                + " - coalesce((select sum(amount) from paid where counted <= d.day and due_date >= d.day), 0)"
                + " from days d";
        Map<LocalDate, BigDecimal[]> balances = new HashMap<>();
        try (PreparedStatement statement = prepare(connection, sql, Map.of("tenant", tenant, "asOf", asOf, "days", dayArray));
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                balances.put(result.getObject(1, LocalDate.class),
                        new BigDecimal[] { result.getBigDecimal(2), result.getBigDecimal(3) });
            }
        }
        Map<YearMonth, BigDecimal> sales = new HashMap<>();
        LocalDate firstSales = YearMonth.from(days.get(0)).minusMonths(COUNT_BACK_MONTHS).atDay(1);
        try (PreparedStatement statement = prepare(connection, "select extract(year from i.issue_date),"
                        + " extract(month from i.issue_date), sum(i.amount * coalesce(v.fx_rate, 1)) from installment i"
                        + " left join invoice v on v.tenant_id = i.tenant_id and v.id = i.invoice_id"
                        + " where i.tenant_id = :tenant and i.issue_date between cast(:from as date) and cast(:asOf as date)"
                        + " group by 1, 2", Map.of("tenant", tenant, "from", firstSales, "asOf", asOf));
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                sales.put(YearMonth.of(result.getInt(1), result.getInt(2)), result.getBigDecimal(3));
            }
        }
        List<String> rows = new ArrayList<>();
        for (LocalDate day : days) {
            BigDecimal[] end = balances.get(day);
            BigDecimal[] start = balances.get(day.withDayOfMonth(1).minusDays(1));
            BigDecimal dso = countBack(end[0], day, sales);
            BigDecimal best = countBack(end[1], day, sales);
            BigDecimal sold = sales.getOrDefault(YearMonth.from(day), BigDecimal.ZERO);
            BigDecimal collectible = start[0].add(sold).subtract(end[1]);
            BigDecimal cei = collectible.signum() <= 0 ? null
                    : start[0].add(sold).subtract(end[0]).multiply(HUNDRED).divide(collectible, 2, RoundingMode.HALF_UP);
            rows.add(String.join("|", day.toString(), text(end[0].setScale(2, RoundingMode.HALF_UP)),
                    text(end[1].setScale(2, RoundingMode.HALF_UP)), text(dso), text(best), text(dso.subtract(best)),
                    cei == null ? "null" : text(cei)));
        }
        return rows;
    }

    /** Days of sales {@code receivables} stand for, counted back month by month from {@code day}. */
    private static BigDecimal countBack(BigDecimal receivables, LocalDate day, Map<YearMonth, BigDecimal> sales) {
        BigDecimal days = BigDecimal.ZERO;
        BigDecimal left = receivables;
        YearMonth month = YearMonth.from(day);
        for (int back = 0; back < COUNT_BACK_MONTHS && left.signum() > 0; back++) {
            int monthDays = back == 0 ? day.getDayOfMonth() : month.lengthOfMonth();
            BigDecimal sold = sales.getOrDefault(month, BigDecimal.ZERO);
            if (sold.compareTo(left) < 0) {
                days = days.add(BigDecimal.valueOf(monthDays));
                left = left.subtract(sold);
            } else {
                days = days.add(BigDecimal.valueOf(monthDays).multiply(left).divide(sold, 10, RoundingMode.HALF_UP));
                left = BigDecimal.ZERO;
            }
            month = month.minusMonths(1);
        }
        return days.setScale(1, RoundingMode.HALF_UP);
    }

    /**
     * The cash forecast as of {@code asOf}: each installment open then, expected on its due date moved by its
     * customer's average delay (whole days, half up) or on the risk model's date, never before the day after: "D|day|
     * currency|amount" for the 91 days, "W|week start|currency|amount" for the 13 weeks, "L|currency|amount" after.
     */
    static List<String> cashForecast(Connection connection, String tenant, LocalDate asOf) throws SQLException {
        String sql = "with delays as (select i.customer_id, round(sum(a.amount * (a.value_date - i.due_date))"
                + " / sum(a.amount)) delay from allocation a join installment i on i.tenant_id = a.tenant_id"
                + " and i.id = a.installment_id where a.tenant_id = :tenant and a.value_date <= cast(:asOf as date)"
                + " and a.payment_id is not null and a.reverses_id is null and not exists (select 1 from allocation r"
                + " where r.tenant_id = a.tenant_id and r.reverses_id = a.id and r.value_date <= cast(:asOf as date))"
                + " group by i.customer_id having sum(a.amount) > 0), " + OPEN
                + " select greatest(coalesce(r.predicted_on, o.due_date + cast(coalesce(d.delay, 0) as integer)),"
                + " cast(:asOf as date) + 1) expected_on, o.currency, sum(o.amount) from open o"
                + " left join delays d on d.customer_id = o.customer_id left join risk_installment r"
                + " on r.tenant_id = o.tenant_id and r.installment_id = o.id and r.scored_on <= cast(:asOf as date)"
                + " where o.amount <> 0 group by 1, 2";
        Map<String, BigDecimal> days = new TreeMap<>();
        Map<String, BigDecimal> weeks = new TreeMap<>();
        Map<String, BigDecimal> later = new TreeMap<>();
        java.util.Set<String> currencies = new java.util.TreeSet<>();
        try (PreparedStatement statement = prepare(connection, sql, Map.of("tenant", tenant, "asOf", asOf));
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                LocalDate day = result.getObject(1, LocalDate.class);
                String currency = result.getString(2);
                BigDecimal amount = result.getBigDecimal(3);
                currencies.add(currency);
                long offset = java.time.temporal.ChronoUnit.DAYS.between(asOf.plusDays(1), day);
                if (offset >= FORECAST_DAYS) {
                    later.merge("L|" + currency, amount, BigDecimal::add);
                } else {
                    days.merge("D|" + day + "|" + currency, amount, BigDecimal::add);
                    weeks.merge("W|" + asOf.plusDays(1 + offset / 7 * 7) + "|" + currency, amount, BigDecimal::add);
                }
            }
        }
        for (int week = 0; week < FORECAST_DAYS / 7; week++) {
            for (String currency : currencies) {
                weeks.putIfAbsent("W|" + asOf.plusDays(1 + 7L * week) + "|" + currency, BigDecimal.ZERO);
            }
        }
        List<String> rows = new ArrayList<>();
        for (Map<String, BigDecimal> part : List.of(days, weeks, later)) {
            part.forEach((key, amount) -> rows.add(key + "|" + text(amount)));
        }
        return rows;
    }

    /** An amount as the comparison reads it: its value, whatever its scale. */
    static String text(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    private static List<String> lines(Connection connection, String sql, Map<String, Object> parameters, int columns)
            throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                List<String> cells = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    Object value = result.getObject(c);
                    cells.add(value instanceof BigDecimal amount ? text(amount) : String.valueOf(value));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    /** The statement with its {@code :name} parameters replaced by positional ones, in order, and bound. */
    private static PreparedStatement prepare(Connection connection, String sql, Map<String, Object> parameters)
            throws SQLException {
        List<Object> values = new ArrayList<>();
        StringBuilder positional = new StringBuilder();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile(":([a-zA-Z]+)").matcher(sql);
        while (names.find()) {
            if (!parameters.containsKey(names.group(1))) {
                names.appendReplacement(positional, names.group());
                continue;
            }
            values.add(parameters.get(names.group(1)));
            names.appendReplacement(positional, "?");
        }
        names.appendTail(positional);
        return Jdbc.bind(connection.prepareStatement(positional.toString()), values.toArray());
    }
}
