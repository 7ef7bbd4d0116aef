package receivables.impl.persistence.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import receivables.impl.audit.internal.ChangeRecorder;

/**
 * A fresh, migrated database for each test: register it with {@code @RegisterExtension}. On PostgreSQL
 * each test gets a schema of its own, dropped afterwards; when the server is unreachable the test is
 * reported as skipped, never as passed.
 */
public final class TestDatabase implements BeforeEachCallback, AfterEachCallback {

    private final boolean postgres;
    private final int poolSize;
    private StatementRecorder recorder;
    private String schema;
    private byte[] hostKey;
    private HibernateDatabase database;
    private final List<HibernateDatabase> otherNodes = new ArrayList<>();

    private TestDatabase(boolean postgres, int poolSize) {
        this.postgres = postgres;
        this.poolSize = poolSize;
    }

    public static TestDatabase h2() {
        return new TestDatabase(false, 4);
    }

    public static TestDatabase postgres(int poolSize) {
        return new TestDatabase(true, poolSize);
    }

    /** Records the statements the database prepares, from the start of each test. */
    public TestDatabase recording(StatementRecorder statements) {
        this.recorder = statements;
        return this;
    }

    public HibernateDatabase get() {
        return database;
    }

    /** What records the database's changes in the audit trail. */
    public ChangeRecorder changes() {
        return database.changes;
    }

    public boolean postgres() {
        return postgres;
    }

    /**
     * Another node of the same installation, on the same PostgreSQL schema with the same host key but its own
     * connection pool and Hibernate; stopped after the test.
     */
    public HibernateDatabase anotherNode() {
        if (!postgres) {
            throw new IllegalStateException("nodes share a PostgreSQL database; an in-memory H2 belongs to one process");
        }
        HibernateDatabase node = TestDatabases.postgres(schema, poolSize, null, hostKey);
        otherNodes.add(node);
        return node;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /**
     * Creates and migrates the database; for what runs no JUnit extensions (jqwik properties), which then
     * {@link #close} it themselves.
     */
    public TestDatabase open() {
        if (postgres) {
            assumeTrue(TestDatabases.postgresReachable(), TestDatabases.POSTGRES_UNREACHABLE);
            schema = TestDatabases.createPostgresSchema();
            hostKey = TestDatabases.newHostKey();
            database = TestDatabases.postgres(schema, poolSize, recorder, hostKey);
        } else {
            database = TestDatabases.h2(recorder);
        }
        return this;
    }

    /** Stops the database; on PostgreSQL its schema is dropped. */
    public void close() {
        try {
            otherNodes.forEach(HibernateDatabase::deactivate);
            otherNodes.clear();
            if (database != null) {
                database.deactivate();
            }
        } finally {
            if (schema != null) {
                TestDatabases.dropPostgresSchema(schema);
                schema = null;
            }
        }
    }
}
