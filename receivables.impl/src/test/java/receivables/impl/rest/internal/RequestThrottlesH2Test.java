package receivables.impl.rest.internal;

import receivables.impl.persistence.internal.TestDatabase;

class RequestThrottlesH2Test extends RequestThrottlesContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
