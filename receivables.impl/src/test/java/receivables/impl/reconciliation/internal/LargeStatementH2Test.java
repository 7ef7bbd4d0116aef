package receivables.impl.reconciliation.internal;

import receivables.impl.persistence.internal.TestDatabase;

class LargeStatementH2Test extends LargeStatementContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
