package receivables.impl.approval.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class ApprovalPropertiesPostgresTest extends ApprovalPropertiesContract {

    private String schema;

    @Override
    protected HibernateDatabase open() {
        assumeTrue(TestDatabases.postgresReachable(), TestDatabases.POSTGRES_UNREACHABLE);
        schema = TestDatabases.createPostgresSchema();
        return TestDatabases.postgres(schema, 4);
    }

    @Override
    protected void close(HibernateDatabase database) {
        try {
            if (database != null) {
                TestDatabases.stop(database);
            }
        } finally {
            TestDatabases.dropPostgresSchema(schema);
        }
    }
}
