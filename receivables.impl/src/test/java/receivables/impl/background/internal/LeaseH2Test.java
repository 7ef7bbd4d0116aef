package receivables.impl.background.internal;

import receivables.impl.persistence.internal.TestDatabase;

class LeaseH2Test extends LeaseContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
