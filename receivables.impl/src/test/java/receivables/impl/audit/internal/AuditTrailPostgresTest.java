package receivables.impl.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import receivables.api.PageRequest;
import receivables.api.audit.AuditQuery;
import receivables.api.audit.AuditRecord;
import receivables.api.audit.ChainVerification;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.impl.customer.internal.StoredCustomerAccounts;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.approval.internal.FourEyesFixture;
import receivables.impl.collections.internal.CollectorAssignment;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.persistence.internal.TestDatabases;
import receivables.impl.terms.internal.StoredPaymentTerms;

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

    /**
     * Each node guesses the chain's head from its own last write; with two nodes taking turns every guess is stale,
     * and the records still form one chain whose order is the order of time.
     */
    @Test
    void writersOnTwoNodesTakingTurnsKeepOneChainInTheOrderOfTime() {
        HibernateDatabase other = testDatabase.anotherNode();
        StoredCustomerAccounts onTheOtherNode = new StoredCustomerAccounts(other, new StoredPaymentTerms(other),
                TestDatabases.personalDataKeys(other), FourEyesFixture.off(other), new CollectorAssignment());
        for (int i = 0; i < 4; i++) {
            customers.create(ALPHA, details("A-" + i));
            customers.create(ALPHA, details("A-" + i + "-again"));
            onTheOtherNode.create(ALPHA, details("B-" + i));
        }

        assertThat(trail.verify(ALPHA)).isEqualTo(ChainVerification.intact(12));
        List<AuditRecord> records = trail.find(ALPHA, AuditQuery.everything(), PageRequest.first()).items();
        assertThat(records).extracting(AuditRecord::recordedAt)
                .isSortedAccordingTo(records.get(0).sequence() < records.get(1).sequence() ? Comparator.naturalOrder()
                        : Comparator.reverseOrder());
    }
}
