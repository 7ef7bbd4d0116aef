package receivables.impl.report.internal;

import receivables.impl.persistence.internal.TestDatabase;

class CustomerStatementsH2Test extends CustomerStatementsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
