package receivables.impl.history.internal;

import receivables.impl.persistence.internal.TestDatabase;

class HistoryImportH2Test extends HistoryImportContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
