package receivables.impl.customer.internal;

import receivables.impl.persistence.internal.TestDatabase;

class StoredCustomerAccountsH2Test extends StoredCustomerAccountsContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
