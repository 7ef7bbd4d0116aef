package receivables.impl.approval.internal;

import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;

class ApprovalPropertiesH2Test extends ApprovalPropertiesContract {

    @Override
    protected HibernateDatabase open() {
        return TestDatabases.h2();
    }

    @Override
    protected void close(HibernateDatabase database) {
        TestDatabases.stop(database);
    }
}
