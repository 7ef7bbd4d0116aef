package receivables.impl.persistence.internal;

import java.sql.Statement;
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

    private final Database database;

    @Activate
    public TableStatistics(@Reference Database database) {
        this.database = database;
    }

    /**
     * Analyzes {@code tables} (names of ours, never input).
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
                            statement.execute("analyze " + String.join(", ", tables));
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
}
