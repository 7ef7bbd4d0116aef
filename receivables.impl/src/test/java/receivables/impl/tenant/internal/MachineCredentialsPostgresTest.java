package receivables.impl.tenant.internal;

import receivables.impl.persistence.internal.TestDatabase;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class MachineCredentialsPostgresTest extends MachineCredentialsContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.postgres(2);
    }
}
