package receivables.impl.reconciliation.internal;

import org.junit.jupiter.api.AfterEach;

import receivables.impl.intent.internal.StoredPaymentIntents;
import receivables.impl.ledger.OnLedger;
import receivables.impl.persistence.internal.StatementRecorder;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.persistence.internal.TestDatabase;

/**
 * Base of the tests that record the statements a workload of the whole ledger sends to PostgreSQL: a schema of its
 * own per test whose statements are recorded, and the bank-statement imports the workload starts, stopped after it.
 */
abstract class RecordedOnPostgres extends OnLedger {

    protected StatementRecorder statements;
    private ImportNode node;

    @Override
    protected TestDatabase testDatabase() {
        statements = new StatementRecorder();
        return TestDatabase.postgres(4).recording(statements);
    }

    /** Statement imports on this database, which bring up to date what {@code statistics} is given. */
    BackgroundStatementImports imports(StoredPaymentIntents intents, TableStatistics statistics) {
        node = ImportNode.start(database, payments, intents, statistics, 80, BankStatementReaders.all());
        return node.imports();
    }

    @AfterEach
    void stopTheImports() throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }
}
