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
     * the statistics alone, where analyzing would read a sample of 30,000 rows of each table. H2 analyzes them all.
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
