/**
 * Payment intents: one attempt to collect an amount for an invoice through a payment provider, with its
 * state machine (CREATED, PENDING, then SUCCEEDED, FAILED, EXPIRED or CANCELED, then refunds) and the
 * history of every transition. A succeeded intent becomes a payment allocated by the ledger's rules.
 */
@Export
@Version("2.0.0")
package receivables.api.intent;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
