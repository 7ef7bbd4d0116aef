package receivables.impl.audit.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import receivables.impl.persistence.internal.TestDatabase;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class AuditTrailPostgresTest extends AuditTrailContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.postgres(8);
    }

    @Test
    void theDatabaseItselfRefusesToChangeOrRemoveARecord() {
        customers.create(ALPHA, details("C-1"));

        assertThatThrownBy(() -> execute(testDatabase, "update audit_record set actor_id = 'someone-else'"))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> execute(testDatabase, "delete from audit_record"))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> execute(testDatabase, "truncate audit_record"))
                .hasStackTraceContaining("append-only");
    }
}
