package receivables.impl.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.hibernate.Session;

import receivables.api.TenantId;

/**
 * Gap-free numbers per tenant and year, each kind of document counted in its own table. The counter row is
 * incremented inside the transaction that uses the numbers: its row lock serialises concurrent users, and a
 * rollback gives the numbers back. The first use in a year creates the row in that same transaction (never a
 * second connection while the caller holds locks); when two transactions create it at once, the primary key
 * makes one of them conflict, and its command runs again on the row the other committed (see
 * {@link Database#once}).
 */
public enum YearlyCounter {

    INVOICE("invoice_number_sequence"),
    CREDIT_NOTE("credit_note_number_sequence"),
    PAYMENT("payment_number_sequence");

    private final String table;

    YearlyCounter(String table) {
        this.table = table;
    }

    /**
     * Reserves the next {@code count} numbers of {@code year} and returns the first; the row stays locked
     * until the caller's transaction ends, and a rollback gives the numbers back.
     */
    public long reserve(Session session, TenantId tenant, int year, int count) {
        Long last = session.doReturningWork(connection -> {
            // One round trip for the increment and its result: PostgreSQL answers the updated row with
            // "returning", H2 with the data change delta table that wraps the same update.
            String update = "update " + table + " set last_number = last_number + ?"
                    + " where tenant_id = ? and fiscal_year = ?";
            String incremented = SchemaMigration.postgres(connection) ? update + " returning last_number"
                    : "select last_number from final table (" + update + ")";
            try (PreparedStatement statement = connection.prepareStatement(incremented)) {
                statement.setInt(1, count);
                statement.setString(2, tenant.value());
                statement.setInt(3, year);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? row.getLong(1) : null;
                }
            }
        });
        if (last == null) {
            session.createNativeMutationQuery("insert into " + table + " (tenant_id, fiscal_year, last_number)"
                            + " values (:tenant, :year, :count)")
                    .setParameter("tenant", tenant.value()).setParameter("year", year).setParameter("count", count)
                    .executeUpdate();
            return 1;
        }
        return last - count + 1;
    }
}
