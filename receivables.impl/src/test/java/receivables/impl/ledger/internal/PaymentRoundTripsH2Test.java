package receivables.impl.ledger.internal;

import receivables.impl.persistence.internal.TestDatabase;

class PaymentRoundTripsH2Test extends PaymentRoundTripsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
