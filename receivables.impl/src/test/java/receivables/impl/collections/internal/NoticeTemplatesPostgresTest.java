package receivables.impl.collections.internal;

import receivables.impl.persistence.internal.TestDatabase;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class NoticeTemplatesPostgresTest extends NoticeTemplatesContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(10);
    }
}
