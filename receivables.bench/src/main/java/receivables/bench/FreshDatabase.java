package receivables.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;

/**
 * One fresh database of a benchmark. Our components and the baseline's plain JDBC reach it through the same
 * URL, so both work on the same storage with the same driver settings. Closing it drops the schema
 * (PostgreSQL) or deletes the files (H2).
 */
final class FreshDatabase implements AutoCloseable {

    /** As many connections as the reference host's pool has by default. */
    static final int POOL_SIZE = 10;

    final DatabaseKind kind;
    final String url;
    final String user;
    private final String schema;
    private final Path h2File;

    /** Still open; dropped when the JVM is stopped (Ctrl-C) before the benchmark closes them. */
    private static final Set<FreshDatabase> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(OPEN).forEach(FreshDatabase::close),
                "bench-drop-databases"));
    }

    FreshDatabase(DatabaseKind kind, String url, String user, String schema, Path h2File) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.schema = schema;
        this.h2File = h2File;
        OPEN.add(this);
    }

    /** Our database component on it: Flyway migrates the schema, Hibernate validates it. */
    HibernateDatabase startOurs() {
        return TestDatabases.at(url, user, POOL_SIZE);
    }

    /**
     * The schema our component makes, for a database only the baseline writes to: our component is started on it and
     * stopped, so that the baseline's tables are ours to the last column, index and storage setting, the Java
     * migrations' included (the statement import's look-up keys and their indexes, the audit trail's compression).
     */
    void migrate() {
        TestDatabases.stop(startOurs());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /**
     * A connection like {@link #connect()}, but on PostgreSQL sending a batch of inserts as multi-row inserts, as
     * our pool does ({@code reWriteBatchedInserts}).
     */
    Connection connectRewritingBatchedInserts() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", "");
        if (kind == DatabaseKind.POSTGRES) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        return DriverManager.getConnection(url, properties);
    }

    String describe() {
        return schema != null ? "schema " + schema : "file " + h2File + ".mv.db";
    }

    @Override
    public void close() {
        if (!OPEN.remove(this)) {
            return;
        }
        if (schema != null) {
            // Never wait long for a lock: when the JVM is being stopped, a run may still hold one.
            DatabaseKind.execute("set lock_timeout = '10s'; drop schema if exists " + schema + " cascade");
            return;
        }
        // Our pool and the baseline's connections are closed by now; SHUTDOWN makes sure the file is released.
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        } catch (SQLException e) {
            System.err.println("could not shut down " + url + ": " + e.getMessage());
        }
        for (String suffix : new String[] { ".mv.db", ".trace.db" }) {
            try {
                Files.deleteIfExists(Path.of(h2File + suffix));
            } catch (IOException e) {
                System.err.println("could not delete " + h2File + suffix + ": " + e.getMessage());
            }
        }
    }
}
