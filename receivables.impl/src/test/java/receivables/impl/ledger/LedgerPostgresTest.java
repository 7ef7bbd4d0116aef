package receivables.impl.ledger;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import receivables.impl.persistence.internal.TestDatabases;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class LedgerPostgresTest extends LedgerContract {

    private String schema;

    @BeforeAll
    static void requirePostgres() {
        assumeTrue(TestDatabases.postgresReachable(), TestDatabases.POSTGRES_UNREACHABLE);
    }

    @BeforeEach
    void start() {
        schema = TestDatabases.createPostgresSchema();
        use(TestDatabases.postgres(schema, 10));
    }

    @AfterEach
    void stop() {
        try {
            assertEveryJournalEntryBalances();
        } finally {
            TestDatabases.stop(database);
            TestDatabases.dropPostgresSchema(schema);
        }
    }
}
