package receivables.impl.persistence.internal;

/**
 * The transaction a unit of work runs in, as far as the work needs to see it: what happens once it has
 * committed. Work registers its consequences outside the database (events for the host) where they arise,
 * and a rolled-back transaction runs none of them.
 */
public interface UnitOfWork {

    /**
     * Runs {@code action} once the transaction has committed, after the actions registered before it; never
     * when it rolls back. A failing action is logged and does not stop the others: the transaction stays
     * committed whatever they do.
     */
    void afterCommit(Runnable action);
}
