/**
 * Reports aggregated in the database: aging of open installments, customer statements and open items.
 */
@Export
@Version("1.1.0")
package receivables.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
