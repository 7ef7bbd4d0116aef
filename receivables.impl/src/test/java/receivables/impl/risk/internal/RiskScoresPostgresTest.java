package receivables.impl.risk.internal;

import receivables.impl.persistence.internal.TestDatabase;

class RiskScoresPostgresTest extends RiskScoresContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }
}
