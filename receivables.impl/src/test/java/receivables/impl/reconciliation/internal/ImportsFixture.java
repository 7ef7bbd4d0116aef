package receivables.impl.reconciliation.internal;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import receivables.api.TenantId;
import receivables.api.statement.ImportStatus;
import receivables.api.statement.StatementImport;
import receivables.impl.background.internal.TestLeases;
import receivables.impl.intent.internal.TestIntents;
import receivables.impl.intent.internal.ScriptedProvider;
import receivables.impl.intent.internal.StoredPaymentIntents;
import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.provider.internal.TestProviders;
import receivables.impl.tenant.internal.TenantDirectory;

/** Statement imports and the suspense queue wired as Declarative Services would wire them. */
final class ImportsFixture {

    private ImportsFixture() {
    }

    /** Payment intents with a scripted bank-transfer provider enabled for {@code tenant}. */
    static StoredPaymentIntents bankTransferIntents(Database database, StoredPayments payments, TenantId tenant) {
        return TestIntents.intents(database, TestProviders.directory(
                Map.of(new ScriptedProvider(), ScriptedProvider.description("bank-transfer", ImportedLines.METHOD)),
                List.of(TestProviders.account(TestProviders.secrets(), tenant.value(), "bank-transfer", true, Map.of(),
                        Map.of()))), payments, Clock.systemUTC());
    }

    /** Started imports on a node of their own; stop them with {@link #stop}. */
    static BackgroundStatementImports imports(Database database, StoredPayments payments, StoredPaymentIntents intents,
            TableStatistics statistics, int matchThreshold) {
        BackgroundStatementImports started = new BackgroundStatementImports();
        started.database = database;
        started.payments = payments;
        started.intents = intents;
        started.formats = BankStatementReaders.all();
        started.leases = TestLeases.running(database, "import-node");
        started.tenants = new TenantDirectory();
        started.statistics = statistics;
        started.activate(configuration(matchThreshold));
        return started;
    }

    static StoredSuspenseQueue queue(Database database, StoredPayments payments, StoredPaymentIntents intents) {
        StoredSuspenseQueue queue = new StoredSuspenseQueue();
        queue.database = database;
        queue.payments = payments;
        queue.intents = intents;
        return queue;
    }

    /** The import as it ended, waiting a minute at most. */
    static StatementImport ended(BackgroundStatementImports imports, TenantId tenant, StatementImport started) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            StatementImport now = imports.find(tenant, started.id()).orElseThrow();
            if (now.status() != ImportStatus.RUNNING) {
                return now;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("import " + started.id() + " did not end in time");
    }

    static void stop(BackgroundStatementImports imports) throws InterruptedException {
        imports.deactivate();
        imports.leases.deactivate();
    }

    static ReconciliationConfiguration configuration(int threshold) {
        return new ReconciliationConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ReconciliationConfiguration.class;
            }

            @Override
            public int matchThreshold() {
                return threshold;
            }
        };
    }
}
