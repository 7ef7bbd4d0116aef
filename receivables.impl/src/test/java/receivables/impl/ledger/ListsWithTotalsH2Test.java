package receivables.impl.ledger;

import receivables.impl.persistence.internal.TestDatabase;

class ListsWithTotalsH2Test extends ListsWithTotalsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
