package receivables.impl.collections.internal;

import receivables.impl.persistence.internal.TestDatabase;

class DunningH2Test extends DunningContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
