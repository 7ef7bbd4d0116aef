package receivables.impl.user.internal;

import receivables.impl.persistence.internal.TestDatabase;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class SignInPostgresTest extends SignInContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }
}
