package receivables.impl.audit.internal;

import receivables.impl.persistence.internal.TestDatabase;

class AuditTrailH2Test extends AuditTrailContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
