/**
 * Invoices: created from sales orders, issued with a gap-free number and an installment schedule from the payment terms.
 */
@Export
@Version("2.2.0")
package receivables.api.invoice;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
