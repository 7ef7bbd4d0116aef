package receivables.impl.background.internal;

import java.util.UUID;

import receivables.api.TenantId;

/**
 * A node's hold on one piece of a tenant's background work. The token tells this holding apart from any later
 * one, so that a node whose lease ran out and was taken over can neither renew nor release the new holder's.
 */
public final class Lease {

    private final TenantId tenant;
    private final String work;
    private final UUID token;
    private volatile boolean lost;
    private volatile long renewedNanos;

    Lease(TenantId tenant, String work, UUID token) {
        this.tenant = tenant;
        this.work = work;
        this.token = token;
        this.renewedNanos = System.nanoTime();
    }

    public TenantId tenant() {
        return tenant;
    }

    public String work() {
        return work;
    }

    UUID token() {
        return token;
    }

    /** Whether this node may still do the work: false once the lease was lost, and the work must stop. */
    public boolean held() {
        return !lost;
    }

    void renewed(long nanos) {
        renewedNanos = nanos;
    }

    long renewedNanos() {
        return renewedNanos;
    }

    void lose() {
        lost = true;
    }

    @Override
    public String toString() {
        return tenant + "/" + work;
    }
}
