package receivables.api.intent;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;
import receivables.api.provider.RawNotification;

/**
 * Payment intents of one tenant at a time. The core owns their state machine: providers report, intents move
 * forward only, and each succeeded intent records exactly one payment, however often the channel notifies.
 */
@ProviderType
public interface PaymentIntents {

    /** The providers the tenant may use: installed and enabled for it. */
    List<ProviderOffer> offers(TenantId tenant);

    /**
     * Creates an intent and starts it at the provider. When the provider cannot be reached the intent stays
     * CREATED and is started again later; when it declines, the intent is FAILED.
     *
     * @throws receivables.api.InvalidRequestException for an unknown or disabled provider, a method or currency
     *         it does not take, an invoice that is not open, an amount above what is open; nothing is stored
     * @throws receivables.api.ConflictException when the key was used for another request
     */
    PaymentIntent create(TenantId tenant, IntentRequest request);

    Optional<PaymentIntent> find(TenantId tenant, UUID intentId);

    List<PaymentIntent> forInvoice(TenantId tenant, UUID invoiceId);

    /** Closes an open intent at the provider and marks it CANCELED; a final intent stays as it is. */
    PaymentIntent cancel(TenantId tenant, UUID intentId);

    /**
     * Pays back some or all of a succeeded intent through its provider, and takes the money off the ledger.
     *
     * @throws receivables.api.InvalidRequestException when the provider cannot refund (that amount), or more
     *         than is left would be refunded
     */
    PaymentIntent refund(TenantId tenant, UUID intentId, RefundRequest request);

    /**
     * Hands a raw notification to the provider for verification and applies what it reports.
     *
     * @throws receivables.api.InvalidRequestException when the provider rejects it; nothing is stored
     * @throws receivables.api.NotFoundException when the provider is not installed or not enabled for the tenant
     */
    NotificationAnswer notify(TenantId tenant, String provider, RawNotification notification);
}
