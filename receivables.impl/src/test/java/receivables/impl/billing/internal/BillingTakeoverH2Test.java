package receivables.impl.billing.internal;

import receivables.impl.persistence.internal.TestDatabase;

class BillingTakeoverH2Test extends BillingTakeoverContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
