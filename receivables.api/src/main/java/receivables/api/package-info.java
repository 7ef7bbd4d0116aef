/**
 * Types every part of receivables shares: the tenant, paging, and the typed failures services
 * report instead of throwing framework exceptions.
 */
@Export
@Version("1.2.0")
package receivables.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
