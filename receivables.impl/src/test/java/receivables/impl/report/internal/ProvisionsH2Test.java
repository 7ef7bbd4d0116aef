package receivables.impl.report.internal;

import receivables.impl.persistence.internal.TestDatabase;

class ProvisionsH2Test extends ProvisionsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
