package receivables.impl.approval.internal;

import receivables.impl.persistence.internal.TestDatabase;

class ApprovalsH2Test extends ApprovalsContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
