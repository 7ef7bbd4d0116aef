package receivables.impl.persistence.internal;

class UnitOfWorkH2Test extends UnitOfWorkContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
