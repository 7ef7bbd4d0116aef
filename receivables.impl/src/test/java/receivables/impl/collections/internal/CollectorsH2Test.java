package receivables.impl.collections.internal;

import receivables.impl.persistence.internal.TestDatabase;

class CollectorsH2Test extends CollectorsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
