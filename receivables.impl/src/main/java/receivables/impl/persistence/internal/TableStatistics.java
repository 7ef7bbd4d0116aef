package receivables.impl.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.TenantId;

/**
 * Brings the planner's statistics up to date after bulk work (billing runs, statement imports, history loads), so
 * that a new tenant's first reports do not run on plans made for empty tables: PostgreSQL's autovacuum may be off,
 * or not have come round yet. Statistics only help the planner, so a failure is logged and otherwise ignored.
 */
@Component(service = TableStatistics.class)
public class TableStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(TableStatistics.class);
    private static final Pattern TABLE = Pattern.compile("[a-z_]+");
    /** How much a table may grow before its statistics are gathered again: autovacuum's default share, a tenth. */
    private static final double GROWTH = 1.1;
    /**
     * The statistics target of the ANALYZE after bulk work: a sample of 3,000 rows a table instead of the default
     * 30,000, PostgreSQL's own default until 8.4. Analyzing the six tables of a 100,000-invoice billing run took 2.1 s
     * of its 27 s at the default, about a tenth of that so. The row counts, which keep the planner from taking a
     * table for empty, are as good; the hot queries' plans do not depend on the columns' distributions (their tests
     * run them never analyzed), and autovacuum's own ANALYZE, where it runs, replaces these with the full target.
     */
    static final int STATISTICS_TARGET = 10;

    private final Database database;

    @Activate
    public TableStatistics(@Reference Database database) {
        this.database = database;
    }

    /**
     * Analyzes those of {@code tables} (names of ours, never input) whose statistics no longer describe them. On
     * PostgreSQL that is a table never analyzed, or one that has grown by more than a tenth since it last was (its
     * size on disk against the pages its statistics counted): autovacuum's own default share, below which the
     * planner's estimates scale with the table's size anyway. A run that adds a day's invoices to years of them leaves
     * the statistics alone. What is analyzed is analyzed with a sample of {@link #STATISTICS_TARGET} × 300 rows a
     * table. H2 analyzes them all.
     *
     * @return whether it did; a failure was logged
     */
    public boolean analyze(TenantId tenant, List<String> tables) {
        for (String table : tables) {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("not a table name: " + table);
            }
        }
        try {
            database.inTransaction(tenant, session -> {
                session.doWork(connection -> {
                    boolean postgres = SchemaMigration.postgres(connection);
                    try (Statement statement = connection.createStatement()) {
                        if (postgres) {
                            List<String> outgrown = outgrown(statement, tables);
                            if (!outgrown.isEmpty()) {
                                statement.execute("set local default_statistics_target = " + STATISTICS_TARGET);
                                statement.execute("analyze " + String.join(", ", outgrown));
                            }
                        } else {
                            for (String table : tables) {
                                statement.execute("analyze table " + table);
                            }
                        }
                    }
                });
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not analyze {}; queries may run on stale statistics until autovacuum does", tables, e);
            return false;
        }
    }

    /**
     * Of {@code tables} in the current schema, those never analyzed (no statistics of their columns, though a VACUUM
     * may have counted their rows) or grown by more than {@link #GROWTH} since.
     */
    private static List<String> outgrown(Statement statement, List<String> tables) throws SQLException {
        List<String> outgrown = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("select c.relname from pg_class c"
                + " where c.relnamespace = to_regnamespace(current_schema()) and c.relkind = 'r'"
                + " and c.relname in ('" + String.join("', '", tables) + "') and (c.reltuples < 0"
                // VACUUM counts a table's rows and pages too, but gathers no column statistics.
                + " or (c.reltuples > 0 and not exists (select from pg_stats s where s.schemaname = current_schema()"
                + " and s.tablename = c.relname))"
                + " or pg_relation_size(c.oid) > " + GROWTH + " * c.relpages * current_setting('block_size')::bigint)")) {
            while (rows.next()) {
                outgrown.add(rows.getString(1));
            }
        }
        return outgrown;
    }
}
