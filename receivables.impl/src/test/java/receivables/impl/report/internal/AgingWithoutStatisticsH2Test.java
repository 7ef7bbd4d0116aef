package receivables.impl.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import receivables.impl.persistence.internal.TestDatabase;

class AgingWithoutStatisticsH2Test extends AgingWithoutStatisticsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }

    @Override
    void assertPlanHoldsWithoutStatistics(String plan) {
        assertThat(plan).as(plan).contains("ALLOCATION_VALUE_DATE_IX");
    }
}
