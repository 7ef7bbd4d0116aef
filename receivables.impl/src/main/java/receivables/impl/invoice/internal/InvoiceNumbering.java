package receivables.impl.invoice.internal;

import org.hibernate.Session;

import receivables.api.ConflictException;
import receivables.api.TenantId;
import receivables.impl.persistence.internal.Database;

/**
 * Gap-free invoice numbers per tenant and year. The counter row is incremented inside the issuing
 * transaction: its row lock serialises concurrent issuers, and a rolled-back issue gives its number back.
 */
final class InvoiceNumbering {

    private InvoiceNumbering() {
    }

    /** Creates the year's counter in a transaction of its own, so that the issuing one never fails on it. */
    static void prepareYear(Database database, TenantId tenant, int year) {
        try {
            database.inTransaction(tenant, session -> {
                boolean exists = !session.createNativeQuery(
                                "select 1 from invoice_number_sequence where tenant_id = :tenant and fiscal_year = :year",
                                Integer.class)
                        .setParameter("tenant", tenant.value()).setParameter("year", year).getResultList().isEmpty();
                if (!exists) {
                    session.createNativeMutationQuery(
                                    "insert into invoice_number_sequence (tenant_id, fiscal_year, last_number) values (:tenant, :year, 0)")
                            .setParameter("tenant", tenant.value()).setParameter("year", year).executeUpdate();
                }
                return null;
            });
        } catch (ConflictException createdByAnotherIssuerAtTheSameTime) {
            // The row exists now, which is all we need.
        }
    }

    /**
     * Reserves the next {@code count} numbers of {@code year} and returns the first; the row stays locked
     * until the caller's transaction ends, and a rollback gives the numbers back.
     */
    static long reserve(Session session, TenantId tenant, int year, int count) {
        int updated = session.createNativeMutationQuery("update invoice_number_sequence set last_number = last_number"
                        + " + :count where tenant_id = :tenant and fiscal_year = :year")
                .setParameter("count", count).setParameter("tenant", tenant.value()).setParameter("year", year)
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("no invoice number counter for " + tenant + " in " + year);
        }
        long last = session.createNativeQuery(
                        "select last_number from invoice_number_sequence where tenant_id = :tenant and fiscal_year = :year",
                        Long.class)
                .setParameter("tenant", tenant.value()).setParameter("year", year).getSingleResult();
        return last - count + 1;
    }
}
