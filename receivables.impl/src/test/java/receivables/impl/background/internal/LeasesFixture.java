package receivables.impl.background.internal;

import java.time.Duration;

import receivables.impl.persistence.internal.Database;

/** Leases for tests: short, so that expiry and takeover take a second or two. */
public final class LeasesFixture {

    public static final Duration LENGTH = Duration.ofMillis(2500);
    public static final Duration HEARTBEAT = Duration.ofMillis(300);

    private LeasesFixture() {
    }

    /** The leases of a node named {@code node}, renewed on a heartbeat; stop them with {@link #stop}. */
    public static Leases node(Database database, String node) {
        Leases leases = unrenewed(database, node);
        leases.startHeartbeat();
        return leases;
    }

    /** The leases of a node whose heartbeat never beats, as if it hung or died. */
    static Leases unrenewed(Database database, String node) {
        Leases leases = new Leases();
        leases.database = database;
        leases.length = LENGTH;
        leases.heartbeat = HEARTBEAT;
        leases.node = node;
        return leases;
    }

    public static void stop(Leases leases) throws InterruptedException {
        leases.deactivate();
    }
}
