package receivables.impl.ledger.internal;

import receivables.impl.persistence.internal.TestDatabase;

class GeneralLedgerExportsH2Test extends GeneralLedgerExportsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
