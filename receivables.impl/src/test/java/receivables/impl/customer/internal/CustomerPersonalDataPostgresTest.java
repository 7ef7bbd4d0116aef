package receivables.impl.customer.internal;

import receivables.impl.persistence.internal.TestDatabase;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class CustomerPersonalDataPostgresTest extends CustomerPersonalDataContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.postgres(8);
    }
}
