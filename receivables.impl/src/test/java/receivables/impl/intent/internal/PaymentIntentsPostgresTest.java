package receivables.impl.intent.internal;

import receivables.impl.persistence.internal.TestDatabase;

class PaymentIntentsPostgresTest extends PaymentIntentsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(8);
    }
}
