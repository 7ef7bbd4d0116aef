package receivables.impl.host.internal;

import receivables.impl.persistence.internal.TestDatabase;

class JournalDeliveriesH2Test extends JournalDeliveriesContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
