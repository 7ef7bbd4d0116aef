package receivables.impl.report.internal;

import receivables.impl.persistence.internal.TestDatabase;

class ReceivablesReportsH2Test extends ReceivablesReportsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
