package receivables.impl.ledger;

import receivables.impl.persistence.internal.TestDatabase;

class StatementPropertiesH2Test extends StatementPropertiesContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
