package receivables.impl.persistence.internal;

import java.util.function.Function;

import org.hibernate.Session;

import receivables.api.TenantId;

/**
 * The system of record. Every unit of work runs for exactly one tenant: Hibernate adds the tenant
 * to every query and every insert, so a service cannot reach another tenant's rows by mistake.
 */
public interface Database {

    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it
     * throws; the exception is rethrown as it was.
     *
     * @throws DatabaseUnavailableException when no connection can be had
     */
    <T> T inTransaction(TenantId tenant, Function<Session, T> work);

    DatabaseStatus status();
}
