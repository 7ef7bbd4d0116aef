package receivables.impl.approval.internal;

import receivables.impl.persistence.internal.TestDatabase;

class ApprovalPropertiesH2Test extends ApprovalPropertiesContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
