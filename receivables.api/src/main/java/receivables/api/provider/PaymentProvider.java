package receivables.api.provider;

import org.osgi.annotation.versioning.ConsumerType;

import receivables.api.intent.PaymentIntent;

/**
 * One payment channel, registered as an OSGi service by the vendor's bundle and described by
 * {@link ProviderDescription} service properties (id, name, methods, currencies, presentations), which the core
 * reads without calling the provider. Every provider starts payments and verifies notifications; what it can do
 * beyond that it says by also implementing {@link PaymentQuery}, {@link PaymentRefunds} or
 * {@link PaymentCancellation}, and the core offers exactly what the implemented interfaces allow.
 *
 * <p>The core calls a provider with one tenant's settings in a {@link ProviderContext}; a provider keeps no
 * payment state of its own. Every call may be repeated for the same intent or refund (the core retries what
 * failed with {@link ProviderFailure.Kind#UNAVAILABLE} or {@link ProviderFailure.Kind#UNKNOWN_OUTCOME}); the
 * intent's id and the refund's id are the idempotency keys to hand to the channel.
 *
 * <p><b>Time.</b> Calls may block on the channel's network (never on a person). The core waits at most the
 * provider call timeout of the {@code receivables.intents} configuration (25 seconds unless configured) and
 * then interrupts the call: a {@code start}, {@code query}, refund or {@code cancel} that ran out of time counts
 * as {@link ProviderFailure.Kind#UNKNOWN_OUTCOME} and is asked again later; a {@code verify} that ran out of time
 * is a rejected notification, which the channel sends again. Keep the channel's own timeouts below that.
 *
 * <p><b>Bugs.</b> A RuntimeException (or Error other than a VirtualMachineError) thrown by any method is caught
 * at the boundary and never reaches a caller of the REST API as a 500: from {@code verify} it is a notification
 * rejected as {@link RejectedNotification.Reason#MALFORMED} (400 to the channel, nothing stored); from the other
 * calls it is recorded on the intent or refund as a failure of kind {@link ProviderFailure.Kind#UNKNOWN_OUTCOME}
 * (the call may have reached the channel before it broke) and retried with backoff. The exception is logged with
 * its stack trace for the vendor; the intent's {@code lastError} names only its class.
 */
@ConsumerType
public interface PaymentProvider {

    /**
     * Opens the payment at the channel and tells the payer how to pay. The intent moves from CREATED to PENDING
     * with these instructions; their {@link PaymentInstructions#kind()} must be one of the provider's declared
     * {@link ProviderDescription#presentations()}, otherwise the core takes the answer as
     * {@link ProviderFailure.Kind#INVALID_REQUEST} and the intent fails.
     *
     * <p>A {@link ProviderFailure.Kind#DECLINED} or {@link ProviderFailure.Kind#INVALID_REQUEST} failure fails the
     * intent at once; {@link ProviderFailure.Kind#UNAVAILABLE} and {@link ProviderFailure.Kind#UNKNOWN_OUTCOME}
     * leave it CREATED with the failure as its {@code lastError}, and the core calls {@code start} again with
     * growing pauses until it succeeds or the configured attempts are used up (then it fails). Starting the same
     * intent twice must open one payment at the channel.
     *
     * @throws ProviderFailure when the channel did not open the payment, with why
     */
    PaymentInstructions start(ProviderContext context, PaymentIntent intent) throws ProviderFailure;

    /**
     * Checks that a notification really comes from the channel (signature, merchant, amount and currency against
     * the intent it names) and says what it reports. The core then applies the report as it applies
     * {@link PaymentQuery#query} answers (see {@link ProviderReport}), under the provider's own intents only, and
     * answers the channel with the acknowledgement once the report is stored.
     *
     * @param intents finds the intent a notification names, among the tenant's intents for this provider
     * @throws RejectedNotification when it is forged, malformed, or does not match its intent: the core stores
     *         nothing and answers the channel 400 with a problem naming the reason
     */
    VerifiedNotification verify(ProviderContext context, RawNotification notification, IntentLookup intents)
            throws RejectedNotification;
}
