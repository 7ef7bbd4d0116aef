package receivables.impl.personal.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.TenantId;
import receivables.impl.persistence.internal.Database;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Gogo command {@code receivables:rewrapDataKeys}: after the host key was rotated ({@code receivables.secrets}: the new
 * key as {@code keyFile}, the old one among {@code previousKeyFiles}), seals every enabled tenant's personal data key
 * again under the new host key. The personal data itself is not touched, and the host keeps serving meanwhile.
 */
@Component(service = DataKeyCommand.class,
        property = { "osgi.command.scope=receivables", "osgi.command.function=rewrapDataKeys" })
public class DataKeyCommand {

    @Reference
    Database database;

    @Reference
    PersonalDataKeys keys;

    @Reference
    TenantDirectory tenants;

    public String rewrapDataKeys() {
        int rewrapped = 0;
        int tenantCount = 0;
        for (TenantId tenant : tenants.enabledTenants()) {
            tenantCount++;
            if (database.inTransaction(tenant, session -> keys.rewrap(session))) {
                rewrapped++;
            }
        }
        return rewrapped + " of " + tenantCount + " tenants' data keys sealed again under the current host key";
    }
}
