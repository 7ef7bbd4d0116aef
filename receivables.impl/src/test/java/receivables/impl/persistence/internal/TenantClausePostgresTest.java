package receivables.impl.persistence.internal;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class TenantClausePostgresTest extends TenantClauseContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(2);
    }
}
