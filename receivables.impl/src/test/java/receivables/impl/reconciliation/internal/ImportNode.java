package receivables.impl.reconciliation.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.osgi.util.converter.Converters;

import receivables.api.statement.StatementFormat;
import receivables.impl.background.internal.Leases;
import receivables.impl.background.internal.TestLeases;
import receivables.impl.intent.internal.StoredPaymentIntents;
import receivables.impl.intent.internal.TestIntents;
import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.persistence.internal.TestDatabases;
import receivables.impl.provider.internal.ProviderDirectory;
import receivables.impl.tenant.internal.TenantDirectory;

/** Statement imports started on a node of their own, with its leases; {@link #close} stops both, as the node stopping. */
public record ImportNode(BackgroundStatementImports imports, Leases leases) implements AutoCloseable {

    /** Imports that read {@code formats} and book lines matched at least {@code matchThreshold} surely. */
    public static ImportNode start(Database database, StoredPayments payments, StoredPaymentIntents intents,
            TableStatistics statistics, int matchThreshold, List<StatementFormat> formats) {
        return start(database, payments, intents, statistics, matchThreshold, formats,
                BackgroundStatementImports.BATCH_SIZE);
    }

    /** Imports as above that commit every {@code batchSize} lines. */
    static ImportNode start(Database database, StoredPayments payments, StoredPaymentIntents intents,
            TableStatistics statistics, int matchThreshold, List<StatementFormat> formats, int batchSize) {
        Leases leases = TestLeases.running(database, "import-node");
        BackgroundStatementImports imports = new BackgroundStatementImports(database, payments, intents, leases,
                new TenantDirectory(), statistics, TestDatabases.personalDataKeys(database), formats, batchSize);
        imports.activate(configuration(matchThreshold));
        return new ImportNode(imports, leases);
    }

    /** Imports at the default threshold whose lines pay no intents: settling them needs nothing but their session. */
    public static ImportNode start(Database database, StoredPayments payments, List<StatementFormat> formats) {
        return start(database, payments, TestIntents.intents(database, new ProviderDirectory(), payments,
                Clock.systemUTC()), new TableStatistics(database), ReconciliationConfiguration.DEFAULT_MATCH_THRESHOLD,
                formats);
    }

    static ReconciliationConfiguration configuration(int matchThreshold) {
        return Converters.standardConverter().convert(Map.of("matchThreshold", matchThreshold))
                .to(ReconciliationConfiguration.class);
    }

    @Override
    public void close() throws InterruptedException {
        imports.deactivate();
        leases.deactivate();
    }
}
