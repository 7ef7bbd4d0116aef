/**
 * IFRS 9 simplified approach: the provision matrix (loss rates per aging bucket from historical roll rates,
 * adjusted for current and forecast conditions) and the loss allowance posted at period ends.
 */
@Export
@Version("2.0.0")
package receivables.api.provision;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
