package receivables.impl.audit.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import receivables.impl.audit.internal.AuditChain.Head;

/**
 * The chain head this node last wrote, per tenant: a guess at the head of the tenant's next transaction, right as
 * long as the tenant's records come from this node alone (a billing run's batches). A wrong guess is found out by
 * the statement that appends after it, and costs one statement; it never forks the chain.
 */
final class KnownHeads {

    private final Map<String, Head> heads = new ConcurrentHashMap<>();

    Head last(String tenant) {
        return heads.get(tenant);
    }

    void wrote(String tenant, Head head) {
        heads.put(tenant, head);
    }

    /** Forgets what a transaction that rolled back wrote, so that the next one does not guess it. */
    void rolledBack(String tenant) {
        heads.remove(tenant);
    }
}
