package receivables.impl.customer.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class StoredCustomerAccountsPostgresTest extends StoredCustomerAccountsContract {

    private String schema;
    private HibernateDatabase database;

    @BeforeAll
    static void requirePostgres() {
        assumeTrue(TestDatabases.postgresReachable(), TestDatabases.POSTGRES_UNREACHABLE);
    }

    @BeforeEach
    void start() {
        schema = TestDatabases.createPostgresSchema();
        database = TestDatabases.postgres(schema, 8);
        use(database);
    }

    @AfterEach
    void stop() {
        TestDatabases.stop(database);
        TestDatabases.dropPostgresSchema(schema);
    }
}
