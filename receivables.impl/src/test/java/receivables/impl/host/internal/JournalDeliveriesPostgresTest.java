package receivables.impl.host.internal;

import receivables.impl.persistence.internal.TestDatabase;

class JournalDeliveriesPostgresTest extends JournalDeliveriesContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }
}
