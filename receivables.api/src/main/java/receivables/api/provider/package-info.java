/**
 * The payment-provider SPI: what a vendor implements to offer one payment channel (an e-wallet, a card
 * acquirer, bank transfer). A provider only speaks its channel's protocol: it starts a payment and returns
 * instructions, verifies the channel's notifications, answers queries and makes refunds. The core owns the
 * intent's state machine, idempotency, retries and allocation.
 */
@Export
@Version("1.0.0")
package receivables.api.provider;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
