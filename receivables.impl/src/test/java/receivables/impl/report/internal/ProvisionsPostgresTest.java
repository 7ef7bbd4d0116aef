package receivables.impl.report.internal;

import receivables.impl.persistence.internal.TestDatabase;

class ProvisionsPostgresTest extends ProvisionsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }
}
