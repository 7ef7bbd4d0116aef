package receivables.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the hand-written baselines and the benchmarks' own SQL have in common: a statement's parameters set in
 * order, and work done with the connection's commit mode set for it and put back afterwards.
 */
final class Jdbc {

    /** Work on a connection. */
    interface Work {
        void on(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    /**
     * Sets {@code values} as the statement's parameters 1, 2, … in their order and returns the statement. The driver
     * picks each parameter's type from its value's class, as a hand-written {@code setString}, {@code setObject}
     * or {@code setBigDecimal} would.
     */
    static PreparedStatement bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }

    /** Sets the parameters and adds them to the statement's batch. */
    static void addBatch(PreparedStatement statement, Object... values) throws SQLException {
        bind(statement, values).addBatch();
    }

    /**
     * Runs {@code work} with auto-commit on or off, as asked, and puts the connection's own mode back afterwards.
     * Without auto-commit, {@code work} commits what it wants kept; what it leaves uncommitted when it fails is
     * rolled back.
     */
    static void withAutoCommit(Connection connection, boolean autoCommit, Work work) throws SQLException {
        boolean before = connection.getAutoCommit();
        connection.setAutoCommit(autoCommit);
        try {
            work.on(connection);
        } catch (SQLException | RuntimeException e) {
            if (!autoCommit) {
                connection.rollback();
            }
            throw e;
        } finally {
            connection.setAutoCommit(before);
        }
    }

    /**
     * PostgreSQL's planner statistics after a bulk load, as autovacuum would gather them on a server that runs it
     * (this one does not); VACUUM also sets the visibility map and hint bits. It runs outside a transaction.
     */
    static void vacuumAnalyze(Connection connection, String... tables) throws SQLException {
        withAutoCommit(connection, true, vacuum -> {
            try (Statement statement = vacuum.createStatement()) {
                for (String table : tables) {
                    statement.execute("vacuum analyze " + table);
                }
            }
        });
    }
}
