package receivables.impl.reconciliation.internal;

import receivables.impl.persistence.internal.TestDatabase;

class StatementImportH2Test extends StatementImportContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
