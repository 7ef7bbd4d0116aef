package receivables.impl.reconciliation.internal;

import java.time.Clock;
import java.util.List;

import receivables.api.statement.StatementFormat;
import receivables.impl.background.internal.TestLeases;
import receivables.impl.intent.internal.TestIntents;
import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.provider.internal.ProviderDirectory;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Starts our statement imports outside the framework for receivables.bench, wired as Declarative Services would
 * wire them: in this package because the import's dynamic formats, its lease and its activation are package-private.
 */
public final class BenchStatementImports {

    private BenchStatementImports() {
    }

    /** Started imports reading {@code formats} at the default match threshold; stop them with {@link #stop}. */
    public static BackgroundStatementImports start(Database database, StoredPayments payments,
            List<StatementFormat> formats) {
        BackgroundStatementImports imports = new BackgroundStatementImports();
        imports.database = database;
        imports.payments = payments;
        // the benchmark's lines pay no intents: settling them needs nothing but the import's own session
        imports.intents = TestIntents.intents(database, new ProviderDirectory(), payments, Clock.systemUTC());
        imports.formats = formats;
        imports.leases = TestLeases.running(database, "bench");
        imports.tenants = new TenantDirectory();
        imports.statistics = new TableStatistics(database);
        imports.activate(ImportsFixture.configuration(ReconciliationConfiguration.DEFAULT_MATCH_THRESHOLD));
        return imports;
    }

    public static void stop(BackgroundStatementImports imports) throws InterruptedException {
        imports.deactivate();
        imports.leases.deactivate();
    }
}
