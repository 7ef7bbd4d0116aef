package receivables.impl.billing.internal;

import java.util.List;

import receivables.api.host.OrderSource;
import receivables.impl.background.internal.TestLeases;
import receivables.impl.ledger.internal.StoredInvoices;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.tenant.internal.TenantDirectory;

public final class BillingFixture {

    private BillingFixture() {
    }

    /** Started billing runs; stop them with {@link #stop}. */
    public static BackgroundBillingRuns runs(Database database, StoredInvoices invoices, OrderSource... sources) {
        return runs(database, invoices, new TableStatistics(database), sources);
    }

    /** Started billing runs that bring statistics up to date through {@code statistics}. */
    public static BackgroundBillingRuns runs(Database database, StoredInvoices invoices, TableStatistics statistics,
            OrderSource... sources) {
        BackgroundBillingRuns runs = new BackgroundBillingRuns();
        runs.database = database;
        runs.invoices = invoices;
        runs.orderSources = List.of(sources);
        runs.leases = TestLeases.running(database, "billing-node");
        runs.tenants = new TenantDirectory();
        runs.statistics = statistics;
        runs.activate();
        return runs;
    }

    public static void stop(BackgroundBillingRuns runs) throws InterruptedException {
        runs.deactivate();
        runs.leases.deactivate();
    }
}
