/**
 * The audit trail: who changed what, when, from where, recorded with the change itself, append-only and
 * hash-chained per tenant so that tampering shows.
 */
@Export
@Version("1.0.0")
package receivables.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
