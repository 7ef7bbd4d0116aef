package receivables.impl.ledger.internal;

import receivables.impl.persistence.internal.TestDatabase;

class GeneralLedgerExportsPostgresTest extends GeneralLedgerExportsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }
}
