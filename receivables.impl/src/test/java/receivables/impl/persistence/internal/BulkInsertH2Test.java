package receivables.impl.persistence.internal;

class BulkInsertH2Test extends BulkInsertContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
