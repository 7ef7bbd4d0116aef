/**
 * Collections: dunning policies per tenant, the daily dunning run and its notices, disputes and promises to pay.
 */
@Export
@Version("1.0.0")
package receivables.api.collections;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
