/**
 * Reports aggregated in the database: aging of open installments, customer statements and open items, open
 * receivables and collections by dimension, the collection KPIs (DSO, best possible DSO, days delinquent, CEI), and
 * the cash forecast with its back-test.
 */
@Export
@Version("2.1.1")
package receivables.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
