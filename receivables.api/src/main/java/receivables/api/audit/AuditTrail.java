package receivables.api.audit;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;

/**
 * Reads and checks a tenant's audit trail. Records are written by the core with every change; there is no
 * way to change or remove one.
 */
@ProviderType
public interface AuditTrail {

    /** The records that match, oldest first. */
    Page<AuditRecord> find(TenantId tenant, AuditQuery query, PageRequest page);

    /** Every record that matches, oldest first, read in batches so that a long trail never sits in memory. */
    void forEach(TenantId tenant, AuditQuery query, Consumer<AuditRecord> action);

    /** Recomputes the tenant's chain and names the first record that does not verify. */
    ChainVerification verify(TenantId tenant);
}
