package receivables.impl.report.internal;

import receivables.impl.persistence.internal.TestDatabase;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class ReceivablesReportsPostgresTest extends ReceivablesReportsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }
}
