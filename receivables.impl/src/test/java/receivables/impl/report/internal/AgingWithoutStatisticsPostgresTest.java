package receivables.impl.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import receivables.impl.persistence.internal.TestDatabase;

class AgingWithoutStatisticsPostgresTest extends AgingWithoutStatisticsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }

    @Override
    void assertPlanHoldsWithoutStatistics(String plan) {
        assertThat(List.of("installment", "allocation", "customer_account")).as("never analyzed")
                .allMatch(this::neverAnalyzed);
        assertThat(plan).as(plan)
                .contains("SubPlan")
                .containsPattern("(Index (Only )?Scan using|Bitmap Index Scan on) allocation_value_date_ix")
                .doesNotContain("Seq Scan on allocation")
                .doesNotContain("Sort Key: allocation")
                .doesNotContain("on customer_account c\n");
    }

    /** PostgreSQL 14 and later keep -1 tuples for a table never vacuumed nor analyzed. */
    private boolean neverAnalyzed(String table) {
        return database.inTransaction(TENANT, session -> ((Number) session.createNativeQuery(
                "select reltuples from pg_class where oid = to_regclass(:table)", Object.class)
                .setParameter("table", table).getSingleResult()).doubleValue() < 0);
    }
}
