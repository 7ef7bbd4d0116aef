package receivables.impl.persistence.internal;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class BulkInsertPostgresTest extends BulkInsertContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(2);
    }
}
