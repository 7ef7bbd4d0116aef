package receivables.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The baseline of the dunning run: one hand-written query that selects, for a tenant never dunned before, each
 * customer that gets a notice on {@code day}, at which level and with how many items, under the benchmark's policy
 * (levels at 7, 21 and 35 days past due, a minimum of what is past due in the customer's currency). Set-based: the
 * database adds up and ranks; Java only collects the rows.
 */
final class JdbcDunning {

    /** One customer's notice: its level and how many items it lists. */
    record Notice(int level, int items) {
    }

    private JdbcDunning() {
    }

    static Map<UUID, Notice> select(Connection connection, String tenant, LocalDate day, BigDecimal minimum)
            throws SQLException {
        String sql = "select customer_id, max(level) as notice_level, count(level) as items from ("
                + " select i.customer_id, case when ? - i.due_date >= 35 then 3 when ? - i.due_date >= 21 then 2"
                + " when ? - i.due_date >= 7 then 1 end as level,"
                + " sum(i.open_amount) over (partition by i.customer_id) as overdue"
                + " from installment i join invoice v on v.tenant_id = i.tenant_id and v.id = i.invoice_id"
                + " join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_id"
                + " where i.tenant_id = ? and i.open_amount > 0 and v.status in ('ISSUED', 'PARTIALLY_PAID')"
                + " and i.due_date < ? and i.currency = c.currency) past_due"
                + " where overdue >= ? group by customer_id having max(level) is not null";
        Map<UUID, Notice> notices = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = Jdbc.bind(statement, day, day, day, tenant, day, minimum).executeQuery()) {
            while (rows.next()) {
                notices.put(rows.getObject(1, UUID.class), new Notice(rows.getInt(2), rows.getInt(3)));
            }
        }
        return notices;
    }
}
