package receivables.impl.customer.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;

class StoredCustomerAccountsH2Test extends StoredCustomerAccountsContract {

    private HibernateDatabase database;

    @BeforeEach
    void start() {
        database = TestDatabases.h2();
        use(database);
    }

    @AfterEach
    void stop() {
        TestDatabases.stop(database);
    }
}
