/**
 * Payments received and their allocation to invoice installments; what is not allocated stays on the customer's account as credit.
 */
@Export
@Version("2.1.0")
package receivables.api.payment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
