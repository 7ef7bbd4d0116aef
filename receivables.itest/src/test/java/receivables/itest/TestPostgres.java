package receivables.itest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server the hosts under test may use (127.0.0.1:5432, user postgres, database test, trust): a
 * schema of its own for each host or test, dropped afterwards.
 */
final class TestPostgres {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";
    static final String UNREACHABLE = "PostgreSQL at 127.0.0.1:5432 is not reachable";

    private TestPostgres() {
    }

    static boolean reachable() {
        try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** A fresh schema; drop it with {@link #dropSchema(String)}. */
    static String createSchema() throws SQLException {
        String schema = "rcv_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create schema " + schema);
        return schema;
    }

    /** The JDBC URL of {@code schema}, for a host's configuration. */
    static String url(String schema) {
        return URL + "?currentSchema=" + schema;
    }

    /**
     * Drops {@code schema} with all in it. A killed host's last statement (the ANALYZE after its bulk work) may still
     * run on the server; the drop can then deadlock with it, and PostgreSQL gives one of them up. Once that statement
     * has ended, the drop goes through.
     */
    static void dropSchema(String schema) throws SQLException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                execute("drop schema if exists " + schema + " cascade");
                return;
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 10) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
