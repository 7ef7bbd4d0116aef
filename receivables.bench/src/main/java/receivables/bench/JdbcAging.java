package receivables.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The aging report's baseline: the query a competent engineer writes by hand for "what did each customer owe
 * on the as-of day, by days past due", run with plain JDBC, every row read into a small Java object.
 *
 * <p>What an installment had open on the as-of day is its amount less the allocations with a value date up
 * to that day; only installments issued by then count. Buckets are ranges of due dates computed in Java, so
 * the database compares dates instead of computing days past due for every row.
 *
 * <p>Allocations are matched by invoice and installment: an allocation always names the invoice of its
 * installment, and {@code allocation_invoice_ix (tenant_id, invoice_id)} is the index the schema has for
 * that. H2 joins by nested loops, and by installment alone it would scan the tenant's allocations once for
 * every installment; PostgreSQL hashes either way.
 */
final class JdbcAging {

    /** One customer's open amount in one currency: per bucket (current first, the open-ended one last) and in total. */
    record Line(UUID customerId, String customerName, String currency, BigDecimal[] buckets, BigDecimal total) {
    }

    private JdbcAging() {
    }

    /** {@code limits} as in {@code Aging.report}: ascending upper limits of days past due after "current". */
    static List<Line> report(Connection connection, String tenant, LocalDate asOf, List<Integer> limits) throws SQLException {
        int bucketCount = limits.size() + 2;
        StringBuilder sql = new StringBuilder("select i.customer_id, c.name, i.currency");
        // current: due on the as-of day or later
        sql.append(", sum(case when i.due_date >= ? then i.amount - coalesce(p.paid, 0) else 0 end)");
        for (int i = 0; i < limits.size(); i++) {
            sql.append(", sum(case when i.due_date between ? and ? then i.amount - coalesce(p.paid, 0) else 0 end)");
        }
        sql.append(", sum(case when i.due_date < ? then i.amount - coalesce(p.paid, 0) else 0 end)")
                .append(", sum(i.amount - coalesce(p.paid, 0))")
                .append(" from installment i")
                .append(" join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_id")
                .append(" left join (select invoice_id, installment_id, sum(amount) as paid from allocation")
                .append("   where tenant_id = ? and value_date <= ? group by invoice_id, installment_id) p")
                .append("   on p.invoice_id = i.invoice_id and p.installment_id = i.id")
                .append(" where i.tenant_id = ? and i.issue_date <= ?")
                .append(" group by i.customer_id, c.name, i.currency")
                .append(" having sum(i.amount - coalesce(p.paid, 0)) <> 0")
                .append(" order by c.name, i.customer_id, i.currency");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int parameter = 0;
            statement.setObject(++parameter, asOf);
            int from = 1;
            for (int limit : limits) {
                statement.setObject(++parameter, asOf.minusDays(limit));
                statement.setObject(++parameter, asOf.minusDays(from));
                from = limit + 1;
            }
            statement.setObject(++parameter, asOf.minusDays(from - 1L));
            statement.setString(++parameter, tenant);
            statement.setObject(++parameter, asOf);
            statement.setString(++parameter, tenant);
            statement.setObject(++parameter, asOf);
            List<Line> lines = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    BigDecimal[] buckets = new BigDecimal[bucketCount];
                    for (int b = 0; b < bucketCount; b++) {
                        buckets[b] = rows.getBigDecimal(4 + b);
                    }
                    lines.add(new Line(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3), buckets,
                            rows.getBigDecimal(4 + bucketCount)));
                }
            }
            return lines;
        }
    }
}
