package receivables.impl.billing.internal;

import receivables.impl.persistence.internal.TestDatabase;

class BillingTakeoverPostgresTest extends BillingTakeoverContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }
}
