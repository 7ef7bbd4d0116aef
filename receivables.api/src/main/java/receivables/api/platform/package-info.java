/**
 * Running the installation from outside its tenants: the {@link receivables.api.platform.TenantAdministration
 * tenants} a {@link receivables.api.people.PlatformAdministrator platform administrator} lists, creates and switches
 * features on for. Nothing here reaches into a tenant's books.
 */
@Export
@Version("1.0.0")
package receivables.api.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
