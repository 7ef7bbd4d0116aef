/**
 * Customer accounts: who owes the money, in which currency, and how to reach them.
 */
@Export
@Version("2.1.0")
package receivables.api.customer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
