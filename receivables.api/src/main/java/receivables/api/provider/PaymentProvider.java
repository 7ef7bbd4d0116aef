package receivables.api.provider;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

import receivables.api.intent.PaymentIntent;

/**
 * One payment channel, registered as an OSGi service by the vendor's bundle. The core calls it with the
 * tenant's settings in a {@link ProviderContext}; it never keeps payment state of its own.
 *
 * <p>Every call may be repeated for the same intent or refund (the core retries what failed with
 * {@link ProviderFailure.Kind#UNAVAILABLE} or {@link ProviderFailure.Kind#UNKNOWN_OUTCOME}); the intent's
 * id and the refund's id are the idempotency keys to hand to the channel.
 */
@ConsumerType
public interface PaymentProvider {

    /** Stable identifier: lower-case letters, digits and dashes, e.g. {@code wallet}. */
    String id();

    /** Name shown to clerks and payers. */
    String name();

    /** Payment methods offered, e.g. {@code WALLET_QR}, {@code BANK_TRANSFER}. */
    Set<String> methods();

    /** ISO 4217 codes of the currencies it takes. */
    Set<String> currencies();

    Set<ProviderCapability> capabilities();

    /** Opens the payment at the channel and tells the payer how to pay. */
    PaymentInstructions start(ProviderContext context, PaymentIntent intent) throws ProviderFailure;

    /**
     * Checks that a notification really comes from the channel (signature, merchant, amount and currency
     * against {@code intent} where the channel sends them) and says what it reports.
     *
     * @param intents finds the intent a notification names, among the tenant's intents for this provider
     * @throws RejectedNotification when it is forged, malformed, or does not match its intent
     */
    VerifiedNotification verify(ProviderContext context, RawNotification notification, IntentLookup intents)
            throws RejectedNotification;

    /** What the channel knows now about the intent's payment. Only called with {@link ProviderCapability#QUERY}. */
    ProviderReport query(ProviderContext context, PaymentIntent intent) throws ProviderFailure;

    /**
     * Pays {@code refund} back to the payer. Only called with {@link ProviderCapability#REFUND}.
     *
     * @return the channel's reference of the refund
     */
    String refund(ProviderContext context, PaymentIntent intent, RefundInstruction refund) throws ProviderFailure;

    /** Closes a payment not made yet, so that the payer can no longer pay it. Only called with {@link ProviderCapability#CANCEL}. */
    void cancel(ProviderContext context, PaymentIntent intent) throws ProviderFailure;
}
