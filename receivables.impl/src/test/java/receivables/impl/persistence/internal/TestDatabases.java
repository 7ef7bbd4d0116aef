package receivables.impl.persistence.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.h2.util.OsgiDataSourceFactory;
import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

import receivables.impl.audit.internal.CallerScope;
import receivables.impl.audit.internal.ChangeRecorder;
import receivables.impl.personal.internal.PersonalDataKeys;
import receivables.impl.provider.internal.SealedSecrets;

/**
 * Real databases for tests outside the framework: a private in-memory H2, or a private schema on the
 * PostgreSQL server at 127.0.0.1:5432 (user postgres, database test) that is dropped afterwards.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL = System.getProperty("receivables.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("receivables.test.postgres.user", "postgres");
    public static final String POSTGRES_UNREACHABLE = "PostgreSQL at " + POSTGRES_URL + " is not reachable";

    private TestDatabases() {
    }

    /** A database component on a fresh in-memory H2, migrated and ready. */
    public static HibernateDatabase h2() {
        return h2(null);
    }

    static HibernateDatabase h2(StatementRecorder recorder) {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return start(new DatabaseSettings(url, "", "", 4), recorder);
    }

    public static boolean postgresReachable() {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** A fresh schema on the PostgreSQL test server; drop it with {@link #dropPostgresSchema(String)}. */
    public static String createPostgresSchema() {
        String schema = "rcv_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("create schema " + schema);
        return schema;
    }

    public static void dropPostgresSchema(String schema) {
        execute("drop schema if exists " + schema + " cascade");
    }

    public static HibernateDatabase postgres(String schema, int poolSize) {
        return postgres(schema, poolSize, null);
    }

    static HibernateDatabase postgres(String schema, int poolSize, StatementRecorder recorder) {
        return postgres(schema, poolSize, recorder, newHostKey());
    }

    /** A node on the schema whose secrets are sealed with {@code hostKey}: nodes of one installation share it. */
    static HibernateDatabase postgres(String schema, int poolSize, StatementRecorder recorder, byte[] hostKey) {
        return start(new DatabaseSettings(POSTGRES_URL + "?currentSchema=" + schema, POSTGRES_USER, "", poolSize),
                recorder, hostKey);
    }

    /** A database component on any JDBC URL (the benchmarks' H2 file, say), migrated and ready. */
    public static HibernateDatabase at(String url, String user, int poolSize) {
        return start(new DatabaseSettings(url, user, "", poolSize));
    }

    public static HibernateDatabase start(DatabaseSettings settings) {
        return start(settings, null);
    }

    /** A database component whose statements {@code recorder} records, unless it is {@code null}. */
    static HibernateDatabase start(DatabaseSettings settings, StatementRecorder recorder) {
        return start(settings, recorder, newHostKey());
    }

    static byte[] newHostKey() {
        byte[] hostKey = new byte[32];
        new SecureRandom().nextBytes(hostKey);
        return hostKey;
    }

    private static HibernateDatabase start(DatabaseSettings settings, StatementRecorder recorder, byte[] hostKey) {
        HibernateDatabase database = new HibernateDatabase();
        List<DataSourceFactory> drivers = List.of(new OsgiDataSourceFactory(new org.h2.Driver()), new PGDataSourceFactory());
        database.dataSourceFactories = recorder == null ? drivers : drivers.stream().map(recorder::recording).toList();
        database.changes = new ChangeRecorder(new CallerScope());
        database.personalDataKeys = new PersonalDataKeys(new SealedSecrets(hostKey));
        database.activate(settings);
        return database;
    }

    /**
     * A database component on a fresh H2 (or a PostgreSQL schema) that was first migrated by the SQL scripts up to
     * {@code version} only and then filled by {@code before}, as an older release would have left it.
     */
    public static HibernateDatabase startedAfter(String schema, String version, SqlWork before) throws SQLException {
        String url = schema == null ? "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : POSTGRES_URL + "?currentSchema=" + schema;
        String user = schema == null ? "" : POSTGRES_USER;
        HibernateDatabase.migrations(null).dataSource(url, user, "").target(version).load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            before.run(connection);
        }
        return start(new DatabaseSettings(url, user, "", 4));
    }

    public static void stop(HibernateDatabase database) {
        database.deactivate();
    }

    @FunctionalInterface
    public interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    /** The personal data keys of a database started here, so that fixtures seal with the keys it migrated with. */
    public static PersonalDataKeys personalDataKeys(Database database) {
        return ((HibernateDatabase) database).personalDataKeys;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
