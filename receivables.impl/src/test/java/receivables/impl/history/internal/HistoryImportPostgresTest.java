package receivables.impl.history.internal;

import receivables.impl.persistence.internal.TestDatabase;

class HistoryImportPostgresTest extends HistoryImportContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }
}
