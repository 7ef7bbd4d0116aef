package receivables.impl.report.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.query.CommonQueryContract;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.report.Aging;
import receivables.api.report.AgingBucket;
import receivables.api.report.AgingReport;
import receivables.api.report.AgingRow;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeValues;
import receivables.impl.persistence.internal.WholeTenantReads;
import receivables.impl.validation.internal.ValueRanges;

/**
 * Aging aggregated by the database in one query: what each installment issued by the day still had open
 * that day (its amount less the allocations with a value date up to the day), summed per customer,
 * currency and bucket. No invoice is loaded into memory, and the plan holds without statistics (see {@link #query}).
 */
@Component(service = Aging.class)
public class SqlAging implements Aging {

    static final int MAX_BUCKETS = 12;

    private final Database database;

    @Activate
    public SqlAging(@Reference Database database) {
        this.database = database;
    }

    @Override
    public AgingReport report(TenantId tenant, LocalDate asOf, List<Integer> limits) {
        if (asOf == null) {
            throw new InvalidRequestException(FieldViolation.of("asOf", "is required"));
        }
        List<AgingBucket> buckets = buckets(limits == null || limits.isEmpty() ? DEFAULT_LIMITS : limits);
        String sql = query(buckets.size());
        return database.inTransaction(tenant, session -> {
            WholeTenantReads.interpreted(session);
            WholeTenantReads.summedInParallel(session);
            var query = bind(session.createNativeQuery(sql, Object[].class), tenant, asOf, buckets);
            List<AgingRow> rows = new ArrayList<>();
            Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
            for (Object[] row : query.getResultList()) {
                String currency = (String) row[2];
                List<Money> amounts = new ArrayList<>();
                BigDecimal[] currencyTotals = totals.computeIfAbsent(currency, c -> zeros(buckets.size() + 1));
                for (int i = 0; i < buckets.size(); i++) {
                    BigDecimal amount = NativeValues.decimal(row[3 + i]);
                    amounts.add(Money.of(amount, currency));
                    currencyTotals[i] = currencyTotals[i].add(amount);
                }
                BigDecimal total = NativeValues.decimal(row[3 + buckets.size()]);
                currencyTotals[buckets.size()] = currencyTotals[buckets.size()].add(total);
                rows.add(new AgingRow(NativeValues.uuid(row[0]), (String) row[1], currency, amounts,
                        Money.of(total, currency)));
            }
            List<AgingRow> totalRows = new ArrayList<>();
            totals.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                List<Money> amounts = new ArrayList<>();
                for (int i = 0; i < buckets.size(); i++) {
                    amounts.add(Money.of(entry.getValue()[i], entry.getKey()));
                }
                totalRows.add(new AgingRow(null, null, entry.getKey(), amounts,
                        Money.of(entry.getValue()[buckets.size()], entry.getKey())));
            });
            return new AgingReport(asOf, buckets, inReportOrder(rows), totalRows);
        });
    }

    /** Binds the parameters of {@link #query} for {@code buckets}. */
    static <Q extends CommonQueryContract> Q bind(Q query, TenantId tenant, LocalDate asOf,
            List<AgingBucket> buckets) {
        query.setParameter("tenant", tenant.value()).setParameter("asOf", asOf);
        for (int i = 0; i < buckets.size(); i++) {
            AgingBucket bucket = buckets.get(i);
            // days past due d = asOf - due_date, so from <= d <= to means asOf - to <= due_date <= asOf - from.
            query.setParameter("latest" + i, bucket.fromDays() == null ? LocalDate.MAX.withYear(9999)
                    : asOf.minusDays(bucket.fromDays()));
            query.setParameter("earliest" + i, bucket.toDays() == null ? LocalDate.of(1, 1, 1)
                    : asOf.minusDays(bucket.toDays()));
        }
        return query;
    }

    static List<AgingBucket> buckets(List<Integer> limits) {
        if (limits.size() > MAX_BUCKETS) {
            throw new InvalidRequestException(FieldViolation.of("buckets", "at most " + MAX_BUCKETS + " limits"));
        }
        List<AgingBucket> buckets = new ArrayList<>();
        buckets.add(new AgingBucket("current", null, 0));
        int from = 1;
        for (Integer limit : limits) {
            if (limit == null || limit < from || limit > ValueRanges.MAX_DAYS) {
                throw new InvalidRequestException(FieldViolation.of("buckets", "limits must be ascending whole numbers "
                        + "of days from 1 to " + ValueRanges.MAX_DAYS + ", e.g. 30,60,90"));
            }
            buckets.add(new AgingBucket(from + "-" + limit, from, limit));
            from = limit + 1;
        }
        buckets.add(new AgingBucket("over " + (from - 1), from, null));
        return buckets;
    }

    /**
     * The report's query. What an installment had open on the as-of day is what it has open now (its {@code
     * open_amount}, kept in the same transaction as every allocation, credit note, write-off and reversal) plus
     * what was allocated to it with a later value date. The two are summed apart per customer and currency, then
     * added: the open amounts by {@code installment_customer_ix}, which holds every column they need in the order
     * of the groups (tenant, customer, currency, due date, issue date, open amount), so PostgreSQL aggregates them
     * as it reads the index, without hashing 50,000 groups nor visiting the table; the later allocations by {@code
     * allocation_value_date_ix} alone (none for today's report), which holds with each allocation its installment's
     * customer, currency, issue date and due date: joining each to its installment made PostgreSQL scan every
     * installment of every tenant, half of a past day's report over 1,000,000 installments. Summing every
     * installment's allocations up to the day instead cost an index look-up per installment (9 s for 1,000,000),
     * and grouping the open amounts and the later allocations in one pass made PostgreSQL hash every installment.
     * The plan does not depend on statistics, which a new tenant's tables, or a server without autovacuum, lack:
     * no join of a tenant's whole tables in a loop, and the customer's name looked up by key once per row of the
     * result (a join would read every customer of the tenant, also for a report of a few). The rows come in no
     * particular order: see {@link #inReportOrder}.
     */
    static String query(int bucketCount) {
        StringBuilder sql = new StringBuilder("select g.customer_id, (select c.name from customer_account c")
                .append(" where c.tenant_id = :tenant and c.id = g.customer_id) customer_name, g.currency");
        for (int i = 0; i < bucketCount; i++) {
            sql.append(", g.bucket").append(i);
        }
        sql.append(", g.total from (select o.customer_id, o.currency");
        for (int i = 0; i < bucketCount; i++) {
            sql.append(", sum(o.bucket").append(i).append(") bucket").append(i);
        }
        sql.append(", sum(o.total) total")
                .append(" from (select i.customer_id, i.currency")
                .append(sums(bucketCount, "i", "i.open_amount"))
                .append(" from installment i where i.tenant_id = :tenant and i.issue_date <= :asOf and i.open_amount <> 0")
                .append(" group by i.customer_id, i.currency")
                .append(" union all select a.customer_id, a.currency").append(sums(bucketCount, "a", "a.amount"))
                .append(" from allocation a")
                .append(" where a.tenant_id = :tenant and a.value_date > :asOf and a.issue_date <= :asOf")
                .append(" group by a.customer_id, a.currency) o")
                .append(" group by o.customer_id, o.currency")
                .append(" having sum(o.total) <> 0) g");
        return sql.toString();
    }

    /**
     * The sums per bucket of {@code amount} (by the due date that the rows of {@code table} hold: an installment's, or
     * an allocation's copy of its installment's), zero where none is, and their total. Each row is added to two sums,
     * its bucket's and the total, instead of to every bucket's (a zero to all but one, as {@code case} sums do): over
     * 1,000,000 installments a fifth of the open amounts' aggregation.
     */
    static String sums(int bucketCount, String table, String amount) {
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < bucketCount; i++) {
            sums.append(", coalesce(sum(").append(amount).append(") filter (where ").append(table)
                    .append(".due_date between :earliest").append(i).append(" and :latest").append(i)
                    .append("), 0) bucket").append(i);
        }
        return sums.append(", sum(").append(amount).append(") total").toString();
    }

    /**
     * {@code rows} by customer name in the order of its code points (the order of PostgreSQL's C collation, on either
     * database and whatever collation the server was given), then customer and currency. Sorted here rather than by
     * the query: the database sorted the 50,000 rows of a report over 1,000,000 installments on disk, beyond {@code
     * work_mem}. Each name is compared as a key that {@link String#compareTo}, much the fastest comparison, orders by
     * code point: comparing code points one by one took a tenth of a second for those 50,000 rows.
     */
    static List<AgingRow> inReportOrder(List<AgingRow> rows) {
        record Keyed(String name, AgingRow row) {
        }
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (AgingRow row : rows) {
            keyed.add(new Keyed(codePointOrdered(row.customerName()), row));
        }
        keyed.sort(Comparator.comparing(Keyed::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(one -> one.row().customerId(), SqlAging::unsigned)
                .thenComparing(one -> one.row().currency()));
        return keyed.stream().map(Keyed::row).toList();
    }

    /**
     * {@code name} with its UTF-16 units moved so that {@link String#compareTo} orders it by code point: the surrogates
     * (U+D800 to U+DFFF, which pair into the code points above U+FFFF) above U+E000 to U+FFFF. Names that PostgreSQL
     * can store are well-formed; a lone surrogate sorts as though it were paired. Null for an installment whose customer
     * is gone (only rows written by hand lack one); such rows come last, as PostgreSQL sorted them.
     */
    private static String codePointOrdered(String name) {
        if (name == null) {
            return null;
        }
        char[] units = null;
        for (int i = 0; i < name.length(); i++) {
            char unit = name.charAt(i);
            if (unit >= Character.MIN_SURROGATE) {
                if (units == null) {
                    units = name.toCharArray();
                }
                units[i] = (char) (unit > Character.MAX_SURROGATE ? unit - 0x800 : unit + 0x2000);
            }
        }
        return units == null ? name : new String(units);
    }

    /** As PostgreSQL and H2 order them: by their 16 bytes, unsigned ({@link UUID#compareTo} compares signed longs). */
    private static int unsigned(UUID one, UUID other) {
        int high = Long.compareUnsigned(one.getMostSignificantBits(), other.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(one.getLeastSignificantBits(), other.getLeastSignificantBits());
    }

    private static BigDecimal[] zeros(int size) {
        BigDecimal[] zeros = new BigDecimal[size];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }
}
