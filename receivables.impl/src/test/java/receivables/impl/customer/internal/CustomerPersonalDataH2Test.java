package receivables.impl.customer.internal;

import receivables.impl.persistence.internal.TestDatabase;

class CustomerPersonalDataH2Test extends CustomerPersonalDataContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
