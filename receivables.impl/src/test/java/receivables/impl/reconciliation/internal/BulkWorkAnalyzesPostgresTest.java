package receivables.impl.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import receivables.api.customer.CustomerRequest;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.persistence.internal.TestDatabases;

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

    /**
     * ANALYZE reads every row of a table this small: the tuples it leaves in pg_class are the rows there are. It runs
     * with statistics target 10, so the billing run's 300 distinct orders make a histogram of ten buckets (a hundred
     * at the default).
     */
    @Override
    void assertAnalyzed(Set<String> grown) {
        assertThat(rowCounts()).allSatisfy((table, rows) -> {
            if (grown.contains(table)) {
                assertThat(reltuples(table)).as("rows %s has by its statistics", table).isEqualTo(rows);
            }
        });
        if (grown.contains("invoice")) {
            assertThat(histogramBounds("invoice", "order_id")).isEqualTo(11);
        }
    }

    /** A VACUUM without ANALYZE counts a table's rows and pages but leaves its columns without statistics. */
    @Test
    void aTableVacuumedButNeverAnalyzedIsAnalyzed() throws Exception {
        customers.create(TENANT, CustomerRequest.of(null, "Vacuumed AG", null, null, "EUR"));
        String schema = database.inTransaction(TENANT, session -> session.createNativeQuery("select current_schema()",
                String.class).getSingleResult());
        try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL + "?currentSchema=" + schema,
                TestDatabases.POSTGRES_USER, ""); Statement statement = connection.createStatement()) {
            statement.execute("vacuum customer_account");
        }
        assertThat(reltuples("customer_account")).isEqualTo(1);
        assertThat(columnStatistics("customer_account")).isZero();

        assertThat(new TableStatistics(database).analyze(TENANT, List.of("customer_account"))).isTrue();

        assertThat(columnStatistics("customer_account")).isPositive();
    }

    private long columnStatistics(String table) {
        return database.inTransaction(TENANT, session -> session.createNativeQuery("select count(*) from pg_stats"
                + " where schemaname = current_schema() and tablename = :table", Long.class)
                .setParameter("table", table).getSingleResult());
    }

    private int histogramBounds(String table, String column) {
        return database.inTransaction(TENANT, session -> ((Number) session.createNativeQuery("select"
                + " array_length(histogram_bounds, 1) from pg_stats where schemaname = current_schema()"
                + " and tablename = :table and attname = :column", Object.class)
                .setParameter("table", table).setParameter("column", column).getSingleResult()).intValue());
    }

    private long reltuples(String table) {
        return database.inTransaction(TENANT, session -> ((Number) session.createNativeQuery(
                "select reltuples from pg_class where oid = to_regclass(:table)", Object.class)
                .setParameter("table", table).getSingleResult()).longValue());
    }
}
