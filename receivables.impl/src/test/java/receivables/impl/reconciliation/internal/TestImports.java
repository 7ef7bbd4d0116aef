package receivables.impl.reconciliation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import receivables.api.TenantId;
import receivables.api.statement.ImportStatus;
import receivables.api.statement.StatementImport;
import receivables.impl.intent.internal.TestIntents;
import receivables.impl.intent.internal.ScriptedProvider;
import receivables.impl.intent.internal.StoredPaymentIntents;
import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.TestDatabases;
import receivables.impl.provider.internal.TestProviders;

/** The bank-transfer intents and the suspense queue a statement import works with, and waiting for an import. */
final class TestImports {

    private TestImports() {
    }

    /** Payment intents with a scripted bank-transfer provider enabled for {@code tenant}. */
    static StoredPaymentIntents bankTransferIntents(Database database, StoredPayments payments, TenantId tenant) {
        return TestIntents.intents(database, TestProviders.directory(
                Map.of(new ScriptedProvider(), ScriptedProvider.description("bank-transfer", ImportedLines.METHOD)),
                List.of(TestProviders.account(TestProviders.secrets(), tenant.value(), "bank-transfer", true, Map.of(),
                        Map.of()))), payments, Clock.systemUTC());
    }

    static StoredSuspenseQueue queue(Database database, StoredPayments payments, StoredPaymentIntents intents) {
        return new StoredSuspenseQueue(database, payments, intents, TestDatabases.personalDataKeys(database));
    }

    /**
     * The import as it ended, waiting as long as it reads more lines, and a minute at most without one: a large
     * statement on a crowded machine is slow, a stuck one is not waited for.
     */
    static StatementImport ended(BackgroundStatementImports imports, TenantId tenant, StatementImport started) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long linesRead = -1;
        while (Instant.now().isBefore(deadline)) {
            StatementImport now = imports.find(tenant, started.id()).orElseThrow();
            if (now.status() != ImportStatus.RUNNING) {
                return now;
            }
            if (now.linesRead() > linesRead) {
                linesRead = now.linesRead();
                deadline = Instant.now().plus(Duration.ofSeconds(60));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("import " + started.id() + " read no line for a minute");
    }
}
