package receivables.impl.persistence.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.hibernate.Session;

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

    /**
     * Runs {@code work} in this transaction once the unit of work itself is done, just before the commit, after the
     * work registered before it: what must commit with the change or not at all (the webhook outbox), written only
     * once the change is complete. A failing {@code work} rolls the whole transaction back.
     */
    void beforeCommit(Consumer<Session> work);

    /**
     * This transaction's one value of {@code kind}, made by {@code create} the first time it is asked for: work that
     * arises many times in one transaction (the events of a billing batch) gathers there and is written once.
     */
    <T> T shared(Class<T> kind, Supplier<T> create);
}
