package receivables.impl.ledger;

import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;

class StatementPropertiesH2Test extends StatementPropertiesContract {

    @Override
    protected HibernateDatabase open() {
        return TestDatabases.h2();
    }

    @Override
    protected void close(HibernateDatabase database) {
        TestDatabases.stop(database);
    }
}
