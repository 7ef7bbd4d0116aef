package receivables.impl.risk.internal;

import receivables.impl.persistence.internal.TestDatabase;

class RiskScoresH2Test extends RiskScoresContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
