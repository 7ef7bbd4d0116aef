package receivables.impl.persistence.internal;

import java.util.Optional;
import java.util.function.Function;

import org.hibernate.Session;

import jakarta.persistence.LockModeType;

import receivables.api.ConflictException;
import receivables.api.TenantId;

/**
 * The system of record. Every unit of work runs for exactly one tenant: Hibernate adds the tenant
 * to every query and every insert, so a service cannot reach another tenant's rows by mistake.
 */
public interface Database {

    /**
     * Work done in one transaction, which may register what follows its commit with {@code tx}. A lambda whose
     * body is a single method call fits this and {@link Change} alike: give it a block with a {@code return}.
     */
    @FunctionalInterface
    interface Work<T> {
        T run(Session session, UnitOfWork tx);
    }

    /**
     * The entity of {@code type} with the id {@code id}, its row locked for update, or null when the tenant has none.
     * Locked by a query, which Hibernate restricts to the session's tenant, never by {@code find}: when the session
     * holds the entity already, {@code find} locks its row by id and version alone, a statement that names no tenant
     * and that a tenant-sharded PostgreSQL would send to every node.
     */
    static <T> T locked(Session session, Class<T> type, Object id) {
        String entity = session.getSessionFactory().getMetamodel().entity(type).getName();
        return session.createSelectionQuery("from " + entity + " e where e.id = :id", type).setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).uniqueResult();
    }

    /** Work done in one transaction for its effects alone. */
    @FunctionalInterface
    interface Change {
        void run(Session session, UnitOfWork tx);
    }

    /** Finds what an earlier command under the same idempotency key left, refusing a different command. */
    @FunctionalInterface
    interface Replay<T> {
        Optional<T> earlier(Session session, String key);
    }

    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws; the
     * exception is rethrown as it was. What the work registers with {@link UnitOfWork#afterCommit} runs after
     * the commit, and only then.
     *
     * @throws DatabaseUnavailableException when no connection can be had
     */
    <T> T inTransaction(TenantId tenant, Work<T> work);

    /**
     * Runs {@code work} in one transaction that belongs to no tenant, for the few rows the installation keeps for
     * itself (the per-address request allowances); its statements name the rows they touch. No tenant's entity can
     * be read or written here: the session's tenant is one that no tenant id can be.
     *
     * @throws DatabaseUnavailableException when no connection can be had
     */
    <T> T inInstallationTransaction(Work<T> work);

    /** As {@link #inTransaction(TenantId, Work)}, for work that returns nothing. */
    default void inTransaction(TenantId tenant, Change work) {
        inTransaction(tenant, (Work<Void>) (session, tx) -> {
            work.run(session, tx);
            return null;
        });
    }

    /** As {@link #inTransaction(TenantId, Work)}, for work that only reads, or changes nothing anyone hears of. */
    default <T> T inTransaction(TenantId tenant, Function<Session, T> work) {
        return inTransaction(tenant, (Work<T>) (session, tx) -> work.apply(session));
    }

    /**
     * Runs an idempotent command once per {@code key}: {@code replay} answers with what an earlier command under
     * the key left (and refuses a different command under it), {@code create} runs only when there is none;
     * without a key the command always creates. When a concurrent transaction wins a race for the same key, or
     * for another row both create (a year's number counter), ours conflicts and rolls back, and the command runs
     * once more on what the other committed: it then reads the other's result, or creates after it. A second
     * conflict is the caller's.
     */
    default <T> T once(TenantId tenant, String key, Replay<T> replay, Work<T> create) {
        Work<T> command = (session, tx) -> (key == null ? Optional.<T>empty() : replay.earlier(session, key))
                .orElseGet(() -> create.run(session, tx));
        try {
            return inTransaction(tenant, command);
        } catch (ConflictException concurrent) {
            return inTransaction(tenant, command);
        }
    }

    /**
     * Writes {@code rows} in the transaction {@code session} runs, on its connection, with the values Hibernate's
     * insert would write (on PostgreSQL copied, a COPY per table; on H2 through a session of their own that keeps no
     * state): they are not in {@code session} afterwards, and their audit records join the transaction's as if
     * {@code session} had written them. A row refused by a constraint fails the transaction as
     * a flush of {@code session} would.
     */
    void insert(Session session, NewRows rows);

    DatabaseStatus status();
}
