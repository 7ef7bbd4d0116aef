package receivables.api.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * Billing runs: many orders invoiced and issued in the background; a failed order never stops the rest.
 */
@ProviderType
public interface BillingRuns {

    /** The most failures a run keeps with their reasons; the count goes on beyond. */
    int MAX_FAILURES_KEPT = 1000;

    /**
     * Starts invoicing {@code orders}, or, when {@code orders} is empty, every order the host's
     * {@link receivables.api.host.OrderSource}s report, and returns at once.
     */
    BillingRun start(TenantId tenant, List<SalesOrder> orders, LocalDate issueDate);

    Optional<BillingRun> find(TenantId tenant, UUID runId);
}
