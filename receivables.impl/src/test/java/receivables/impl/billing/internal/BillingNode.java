package receivables.impl.billing.internal;

import java.util.List;

import receivables.api.host.OrderSource;
import receivables.impl.background.internal.Leases;
import receivables.impl.background.internal.TestLeases;
import receivables.impl.ledger.internal.StoredInvoices;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.tenant.internal.TenantDirectory;

/** Billing runs started on a node of their own, with its leases; {@link #close} stops both, as the node stopping. */
public record BillingNode(BackgroundBillingRuns runs, Leases leases) implements AutoCloseable {

    /** A node named {@code name} that bills from {@code sources} for {@code tenants}. */
    public static BillingNode start(Database database, StoredInvoices invoices, TableStatistics statistics,
            TenantDirectory tenants, String name, OrderSource... sources) {
        Leases leases = TestLeases.running(database, name);
        BackgroundBillingRuns runs = new BackgroundBillingRuns(database, invoices, leases, tenants, statistics,
                List.of(sources));
        runs.activate();
        return new BillingNode(runs, leases);
    }

    /** A node that bills from {@code sources}, with no tenant configured beyond the defaults. */
    public static BillingNode start(Database database, StoredInvoices invoices, OrderSource... sources) {
        return start(database, invoices, new TableStatistics(database), new TenantDirectory(), "billing-node", sources);
    }

    @Override
    public void close() throws InterruptedException {
        runs.deactivate();
        leases.deactivate();
    }
}
