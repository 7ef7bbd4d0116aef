/**
 * Double-entry journal entries written for every business event; the general-ledger export reads them.
 */
@Export
@Version("2.3.0")
package receivables.api.journal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
