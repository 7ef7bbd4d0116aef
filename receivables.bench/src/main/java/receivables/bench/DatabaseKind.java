package receivables.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import receivables.impl.persistence.internal.TestDatabases;

/**
 * The databases the benchmarks run on. H2 is a file database under {@code target/h2} (the embedded mode
 * the reference host uses, and it keeps a million rows out of the heap); PostgreSQL is the test server of
 * {@link TestDatabases}, a schema of its own per benchmark, dropped afterwards.
 */
enum DatabaseKind {

    H2("h2") {
        @Override
        FreshDatabase create(String purpose, int statementTimeLimitSeconds) {
            Path directory = Path.of(System.getProperty("bench.h2.dir", "target/h2")).toAbsolutePath().normalize();
            try {
                Files.createDirectories(directory);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create " + directory, e);
            }
            Path file = directory.resolve(purpose + "-" + shortId());
            // The URL of the reference host's embedded database (DatabaseSettings.embeddedUrl), except that H2 must
            // not answer a repeated query from the previous result when no table changed since: the rounds of a
            // benchmark would then time a cache lookup instead of the query.
            String url = "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE"
                    + (statementTimeLimitSeconds > 0 ? ";QUERY_TIMEOUT=" + statementTimeLimitSeconds * 1000 : "");
            return new FreshDatabase(this, url, "", null, file);
        }
    },

    POSTGRES("postgres") {
        @Override
        FreshDatabase create(String purpose, int statementTimeLimitSeconds) {
            String schema = "rcv_bench_" + purpose + "_" + shortId();
            execute("create schema " + schema);
            String url = TestDatabases.POSTGRES_URL + "?currentSchema=" + schema
                    + (statementTimeLimitSeconds > 0 ? "&options=-c%20statement_timeout%3D" + statementTimeLimitSeconds + "s" : "");
            return new FreshDatabase(this, url, TestDatabases.POSTGRES_USER, schema, null);
        }

        @Override
        boolean reachable() {
            return TestDatabases.postgresReachable();
        }
    };

    final String label;

    DatabaseKind(String label) {
        this.label = label;
    }

    /**
     * A fresh, empty database (not yet migrated) for one benchmark; close it to drop it.
     *
     * @param statementTimeLimitSeconds the database cancels any statement running longer; 0 for no limit
     */
    abstract FreshDatabase create(String purpose, int statementTimeLimitSeconds);

    boolean reachable() {
        return true;
    }

    static DatabaseKind of(String label) {
        for (DatabaseKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        return null;
    }

    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
