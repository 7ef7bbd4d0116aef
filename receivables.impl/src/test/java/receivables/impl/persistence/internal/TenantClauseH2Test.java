package receivables.impl.persistence.internal;

class TenantClauseH2Test extends TenantClauseContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
