package receivables.impl.ledger;

import receivables.impl.persistence.internal.TestDatabase;

class EarlyPaymentDiscountH2Test extends EarlyPaymentDiscountContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
