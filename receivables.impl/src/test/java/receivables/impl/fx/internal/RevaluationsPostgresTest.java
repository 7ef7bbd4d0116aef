package receivables.impl.fx.internal;

import receivables.impl.persistence.internal.TestDatabase;

class RevaluationsPostgresTest extends RevaluationsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }
}
