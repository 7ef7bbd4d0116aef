package receivables.impl.ledger.internal;

import receivables.impl.persistence.internal.TestDatabase;

class NewRowsH2Test extends NewRowsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
