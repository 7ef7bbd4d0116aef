package receivables.impl.intent.internal;

import receivables.impl.persistence.internal.TestDatabase;

class PaymentIntentsH2Test extends PaymentIntentsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
