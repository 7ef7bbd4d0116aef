package receivables.impl.persistence.internal;

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
        int updated = session.createNativeMutationQuery("update " + table + " set last_number = last_number + :count"
                        + " where tenant_id = :tenant and fiscal_year = :year")
                .setParameter("count", count).setParameter("tenant", tenant.value()).setParameter("year", year)
                .executeUpdate();
        if (updated == 0) {
            session.createNativeMutationQuery("insert into " + table + " (tenant_id, fiscal_year, last_number)"
                            + " values (:tenant, :year, :count)")
                    .setParameter("tenant", tenant.value()).setParameter("year", year).setParameter("count", count)
                    .executeUpdate();
            return 1;
        }
        long last = session.createNativeQuery("select last_number from " + table
                        + " where tenant_id = :tenant and fiscal_year = :year", Long.class)
                .setParameter("tenant", tenant.value()).setParameter("year", year).getSingleResult();
        return last - count + 1;
    }
}
