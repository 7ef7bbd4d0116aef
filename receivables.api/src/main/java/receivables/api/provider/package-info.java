/**
 * The payment-provider SPI: what a vendor implements to offer one payment channel (an e-wallet, a card
 * acquirer, bank transfer). A provider only speaks its channel's protocol: it starts a payment and returns
 * instructions, verifies the channel's notifications ({@link receivables.api.provider.PaymentProvider}), and,
 * where its channel can, answers queries ({@link receivables.api.provider.PaymentQuery}), makes refunds
 * ({@link receivables.api.provider.PaymentRefunds}) and closes payments
 * ({@link receivables.api.provider.PaymentCancellation}). It describes itself with
 * {@link receivables.api.provider.ProviderDescription} service properties and reads the tenant's settings typed
 * through {@link receivables.api.provider.ProviderContext#settings(Class)}. The core owns the intent's state
 * machine, idempotency, retries, timeouts and allocation.
 *
 * <p>2.0: capabilities are the optional interfaces a provider implements, its description is service
 * properties, settings are typed, and reports carry no payer. Baselined from the first release on.
 */
@Export
@Version("2.0.0")
package receivables.api.provider;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
