package receivables.impl.ledger.internal;

import receivables.impl.persistence.internal.TestDatabase;

class CreditNotesAndWriteOffsH2Test extends CreditNotesAndWriteOffsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
