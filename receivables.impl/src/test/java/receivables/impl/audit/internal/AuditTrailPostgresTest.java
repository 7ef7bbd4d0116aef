package receivables.impl.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.impl.ledger.LedgerFixture;
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

    @Test
    void anInvoicesRecordLargeEnoughToCompressIsCompressedWithLz4() {
        LedgerFixture ledger = LedgerFixture.on(testDatabase.get());
        UUID customer = ledger.customers().create(ALPHA, details("C-1")).id();
        List<OrderLine> lines = IntStream.rangeClosed(1, 40).mapToObj(line -> new OrderLine("P-" + line, "Product " + line,
                BigDecimal.valueOf(line), new BigDecimal("9.99"), null, new BigDecimal("19"))).toList();
        ledger.invoices().invoiceAndIssue(ALPHA, List.of(new SalesOrder("SO-1", customer, "EUR", LocalDate.of(2026, 3, 2),
                null, lines)), LocalDate.of(2026, 3, 3));

        String compression = testDatabase.get().inTransaction(ALPHA, session -> session.doReturningWork(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                    "select pg_column_compression(changes) from audit_record where tenant_id = 'alpha'"
                            + " and entity_type = 'invoice'")) {
                return row.next() ? row.getString(1) : null;
            }
        }));

        assertThat(compression).isEqualTo("lz4");
    }
}
