package receivables.impl.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import receivables.impl.persistence.internal.TestDatabase;

class BulkWorkAnalyzesPostgresTest extends BulkWorkAnalyzesContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }

    @Override
    List<String> tables() {
        return database.inTransaction(TENANT, session -> session.createNativeQuery("select tablename from pg_tables"
                + " where schemaname = current_schema() and tablename <> 'flyway_schema_history' order by tablename",
                String.class).getResultList());
    }

    /** ANALYZE reads every row of a table this small: the tuples it leaves in pg_class are the rows there are. */
    @Override
    void assertAnalyzed(Set<String> grown) {
        assertThat(rowCounts()).allSatisfy((table, rows) -> {
            if (grown.contains(table)) {
                assertThat(reltuples(table)).as("rows %s has by its statistics", table).isEqualTo(rows);
            }
        });
    }

    private long reltuples(String table) {
        return database.inTransaction(TENANT, session -> ((Number) session.createNativeQuery(
                "select reltuples from pg_class where oid = to_regclass(:table)", Object.class)
                .setParameter("table", table).getSingleResult()).longValue());
    }
}
