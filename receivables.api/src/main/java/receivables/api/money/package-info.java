/**
 * Money: an exact amount at its currency's scale with its ISO 4217 code. Amounts in different
 * currencies are never added.
 */
@Export
@Version("1.1.0")
package receivables.api.money;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
