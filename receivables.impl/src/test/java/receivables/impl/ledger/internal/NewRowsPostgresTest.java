package receivables.impl.ledger.internal;

import receivables.impl.persistence.internal.TestDatabase;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class NewRowsPostgresTest extends NewRowsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(2);
    }
}
