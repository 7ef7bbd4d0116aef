package receivables.api.platform;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The installation's tenants, kept as ConfigurationAdmin configurations (one {@code receivables.tenant} factory
 * configuration each), so that what is done here and what is edited in the web console or in {@code etc/} are one.
 */
@ProviderType
public interface TenantAdministration {

    /** Every configured tenant, by id. */
    List<ManagedTenant> list();

    /**
     * Creates the tenant's configuration; it serves requests within a moment.
     *
     * @throws receivables.api.InvalidRequestException naming the field that is not acceptable
     * @throws receivables.api.ConflictException when a tenant of that id exists
     */
    ManagedTenant create(NewTenant tenant);

    /**
     * Switches exactly {@code features} on for the tenant (and every other feature off). The platform's and the
     * tenant admin's switch both come here.
     *
     * @throws receivables.api.InvalidRequestException naming {@code features} when it is {@code null} or one is no
     *                                                 feature name
     * @throws receivables.api.NotFoundException when there is no such tenant
     */
    ManagedTenant switchFeatures(String id, Set<String> features);
}
