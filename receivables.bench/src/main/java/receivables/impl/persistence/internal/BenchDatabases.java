package receivables.impl.persistence.internal;

/**
 * Starts our database component on any JDBC URL, e.g. an H2 file under {@code receivables.bench/target}.
 *
 * <p>It lives in the package of {@link DatabaseSettings} because those settings are package-private in
 * receivables.impl and {@link TestDatabases} only offers a private in-memory H2 or a PostgreSQL schema.
 * Outside the framework both jars share one class loader, so the package is one runtime package.
 */
public final class BenchDatabases {

    private BenchDatabases() {
    }

    /** Our database component on {@code url}, migrated and ready, with a pool of {@code poolSize}. */
    public static HibernateDatabase start(String url, String user, int poolSize) {
        return TestDatabases.start(new DatabaseSettings(url, user, "", poolSize));
    }

    public static void stop(HibernateDatabase database) {
        database.deactivate();
    }
}
