/**
 * Exchange rates by day, per tenant, into the tenant's functional currency.
 */
@Export
@Version("1.1.0")
package receivables.api.fx;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
