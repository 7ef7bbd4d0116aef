/**
 * Reports aggregated in the database: aging of open installments, customer statements and open items.
 */
@Export
@Version("2.0.0")
package receivables.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
