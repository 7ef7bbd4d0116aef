package receivables.impl.background.internal;

import receivables.impl.persistence.internal.TestDatabase;

class LeasePostgresTest extends LeaseContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(8);
    }
}
