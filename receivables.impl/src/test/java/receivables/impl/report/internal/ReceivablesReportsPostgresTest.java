package receivables.impl.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import receivables.api.report.ReportDimension;
import receivables.impl.persistence.internal.TestDatabase;

/**
 * Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. Its schema is new
 * and the server runs without autovacuum, so every figure of the contract is computed on tables never analyzed;
 * the test below shows that, and that ANALYZE changes no answer.
 */
class ReceivablesReportsPostgresTest extends ReceivablesReportsContract {

    private static final List<String> TABLES = List.of("customer_account", "invoice", "invoice_line", "installment",
            "allocation", "risk_installment");

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }

    @Test
    void everyReportGivesTheSameAnswersOnTablesNeverAnalyzedAsAfterAnalyze() {
        assertThat(TABLES).as("never analyzed").allMatch(this::neverAnalyzed);
        List<Object> unanalyzed = everyReport();

        database.inTransaction(TENANT, session -> {
            session.doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("analyze");
                }
            });
            return null;
        });

        assertThat(TABLES).as("analyzed").noneMatch(this::neverAnalyzed);
        assertThat(everyReport()).isEqualTo(unanalyzed);
    }

    /** Every report and KPI over the contract's ledger, as of days before, between and after its payments. */
    private List<Object> everyReport() {
        SqlProvisions provisions = new SqlProvisions(database, journal);
        List<Object> answers = new ArrayList<>();
        for (LocalDate day : List.of(LocalDate.of(2026, 2, 28), END_OF_MARCH, LocalDate.of(2026, 5, 31))) {
            for (ReportDimension dimension : ReportDimension.values()) {
                answers.add(reports.receivables(TENANT, day, dimension, null));
                answers.add(reports.collections(TENANT, day.withDayOfMonth(1).minusMonths(2), day, dimension));
            }
            answers.add(reports.kpis(TENANT, day, 6));
            answers.add(forecasts.forecast(TENANT, day));
            answers.add(aging.report(TENANT, day, null));
            answers.add(provisions.matrix(TENANT, day, 3));
        }
        answers.add(forecasts.backTest(TENANT, LocalDate.of(2026, 3, 1)));
        return answers;
    }

    /** PostgreSQL 14 and later keep -1 tuples for a table never vacuumed nor analyzed. */
    private boolean neverAnalyzed(String table) {
        return database.inTransaction(TENANT, session -> ((Number) session.createNativeQuery(
                "select reltuples from pg_class where oid = to_regclass(:table)", Object.class)
                .setParameter("table", table).getSingleResult()).doubleValue() < 0);
    }
}
