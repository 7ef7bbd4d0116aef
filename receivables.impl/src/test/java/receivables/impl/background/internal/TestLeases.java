package receivables.impl.background.internal;

import java.time.Duration;

import receivables.impl.persistence.internal.Database;

/** Leases as tests want them: short, so that expiry and takeover take a second or two. */
public final class TestLeases {

    public static final Duration LENGTH = Duration.ofMillis(2500);
    public static final Duration HEARTBEAT = Duration.ofMillis(300);

    private TestLeases() {
    }

    /** The leases of a node named {@code node}, renewed on a heartbeat; stop them with {@link Leases#deactivate()}. */
    public static Leases running(Database database, String node) {
        Leases leases = new Leases(database, node, LENGTH, HEARTBEAT);
        leases.startHeartbeat();
        return leases;
    }
}
