/**
 * Payment risk learned per tenant from its customers' payment histories: predicted days late and the probability of
 * being paid more than 90 days late or never per open installment, a score per customer with its main reasons, and
 * the back-test of a model trained as of a past day.
 */
@Export
@Version("1.1.0")
package receivables.api.risk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
