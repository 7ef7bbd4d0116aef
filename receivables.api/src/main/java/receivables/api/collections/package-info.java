/**
 * Collections: dunning policies per tenant, the daily dunning run and its notices, disputes and promises to pay, the templates notices are written from.
 */
@Export
@Version("1.1.0")
package receivables.api.collections;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
