/**
 * Credit notes that lower what an invoice owes, and write-offs of what will not be paid: small differences
 * within the tenant's tolerance at allocation time, bad debt, and early-payment discounts.
 */
@Export
@Version("1.2.0")
package receivables.api.credit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
