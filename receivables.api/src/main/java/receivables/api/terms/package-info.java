/**
 * Payment terms: when the parts of an invoice fall due and what paying early takes off, as immutable
 * values with pure logic, and the compact notation ({@code NET30}, {@code 2%/10 NET30},
 * {@code 30%@0 70%@30}) in which clerks and clients write them.
 */
@Export
@Version("1.0.0")
package receivables.api.terms;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
