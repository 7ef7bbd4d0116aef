package receivables.impl.persistence.internal;

import org.hibernate.Session;

import receivables.api.ConflictException;
import receivables.api.TenantId;

/**
 * Gap-free numbers per tenant and year, one counter table each: the counter row is incremented inside the
 * transaction that uses the number, whose row lock serialises concurrent users and whose rollback gives the
 * number back. (Invoice numbers are counted the same way, in blocks for billing runs.)
 */
public enum YearlyCounter {

    CREDIT_NOTE("credit_note_number_sequence"),
    PAYMENT("payment_number_sequence");

    private final String table;

    YearlyCounter(String table) {
        this.table = table;
    }

    /**
     * Creates the year's counter in a transaction of its own, so that the one using a number never fails on it;
     * call it before that transaction begins (from inside one, see {@link #prepareYear(Session, TenantId, int)}).
     */
    public void prepareYear(Database database, TenantId tenant, int year) {
        try {
            database.inTransaction(tenant, session -> {
                boolean exists = !session.createNativeQuery("select 1 from " + table
                                + " where tenant_id = :tenant and fiscal_year = :year", Integer.class)
                        .setParameter("tenant", tenant.value()).setParameter("year", year).getResultList().isEmpty();
                if (!exists) {
                    session.createNativeMutationQuery("insert into " + table + " (tenant_id, fiscal_year, last_number)"
                                    + " values (:tenant, :year, 0)")
                            .setParameter("tenant", tenant.value()).setParameter("year", year).executeUpdate();
                }
                return null;
            });
        } catch (ConflictException createdByAnotherAtTheSameTime) {
            // The row exists now, which is all we need.
        }
    }

    /**
     * Makes sure the year's counter exists from inside the caller's transaction, without a second connection (a
     * caller holding locks must never wait for the pool): when it is missing, once per tenant and year, it is
     * created in that transaction; one created by another transaction at the same moment makes this one a
     * conflict to retry.
     */
    public void prepareYear(Session session, TenantId tenant, int year) {
        boolean exists = !session.createNativeQuery("select 1 from " + table
                        + " where tenant_id = :tenant and fiscal_year = :year", Integer.class)
                .setParameter("tenant", tenant.value()).setParameter("year", year).getResultList().isEmpty();
        if (!exists) {
            session.createNativeMutationQuery("insert into " + table + " (tenant_id, fiscal_year, last_number)"
                            + " values (:tenant, :year, 0)")
                    .setParameter("tenant", tenant.value()).setParameter("year", year).executeUpdate();
        }
    }

    /** The next number of {@code year}; the row stays locked until the caller's transaction ends. */
    public long next(Session session, TenantId tenant, int year) {
        int updated = session.createNativeMutationQuery("update " + table + " set last_number = last_number + 1"
                        + " where tenant_id = :tenant and fiscal_year = :year")
                .setParameter("tenant", tenant.value()).setParameter("year", year).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("no " + table + " counter for " + tenant + " in " + year);
        }
        return session.createNativeQuery("select last_number from " + table
                        + " where tenant_id = :tenant and fiscal_year = :year", Long.class)
                .setParameter("tenant", tenant.value()).setParameter("year", year).getSingleResult();
    }
}
