package receivables.impl.credit.internal;

import org.hibernate.Session;

import receivables.api.ConflictException;
import receivables.api.TenantId;
import receivables.impl.persistence.internal.Database;

/**
 * Gap-free credit note numbers per tenant and year, counted apart from invoice numbers the same way: the
 * counter row is incremented inside the issuing transaction, whose row lock serialises concurrent issuers and
 * whose rollback gives the number back.
 */
final class CreditNoteNumbering {

    private CreditNoteNumbering() {
    }

    /** Creates the year's counter in a transaction of its own, so that the issuing one never fails on it. */
    static void prepareYear(Database database, TenantId tenant, int year) {
        try {
            database.inTransaction(tenant, session -> {
                boolean exists = !session.createNativeQuery("select 1 from credit_note_number_sequence"
                                + " where tenant_id = :tenant and fiscal_year = :year", Integer.class)
                        .setParameter("tenant", tenant.value()).setParameter("year", year).getResultList().isEmpty();
                if (!exists) {
                    session.createNativeMutationQuery("insert into credit_note_number_sequence (tenant_id, fiscal_year,"
                                    + " last_number) values (:tenant, :year, 0)")
                            .setParameter("tenant", tenant.value()).setParameter("year", year).executeUpdate();
                }
                return null;
            });
        } catch (ConflictException createdByAnotherIssuerAtTheSameTime) {
            // The row exists now, which is all we need.
        }
    }

    /** The next number of {@code year}; the row stays locked until the caller's transaction ends. */
    static long next(Session session, TenantId tenant, int year) {
        int updated = session.createNativeMutationQuery("update credit_note_number_sequence set last_number = last_number"
                        + " + 1 where tenant_id = :tenant and fiscal_year = :year")
                .setParameter("tenant", tenant.value()).setParameter("year", year).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("no credit note number counter for " + tenant + " in " + year);
        }
        return session.createNativeQuery("select last_number from credit_note_number_sequence"
                        + " where tenant_id = :tenant and fiscal_year = :year", Long.class)
                .setParameter("tenant", tenant.value()).setParameter("year", year).getSingleResult();
    }
}
