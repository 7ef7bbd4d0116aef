package receivables.impl.ledger;

import receivables.impl.persistence.internal.TestDatabase;

class LedgerH2Test extends LedgerContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
