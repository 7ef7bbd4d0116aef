package receivables.api.provider;

import org.osgi.annotation.versioning.ConsumerType;

import receivables.api.intent.PaymentIntent;

/**
 * A provider whose channel answers what it knows about a payment. Implemented beside {@link PaymentProvider}
 * by the same service.
 *
 * <p><b>What it changes in the core:</b> a PENDING intent without news for the configured while
 * ({@code queryPendingAfterSeconds}) is settled by asking the channel instead of waiting for a notification,
 * so a lost notification never leaves a paid intent unrecorded; the offer lists {@link ProviderCapability#QUERY}.
 * Without it a pending intent only moves by notification, by cancel, or by expiring.
 */
@ConsumerType
public interface PaymentQuery {

    /**
     * What the channel knows now about the intent's payment. The core applies the answer like a notification:
     * SUCCEEDED records the payment (see {@link ProviderReport} for a different amount), FAILED, CANCELED and
     * EXPIRED close an open intent, PENDING keeps it open. {@link ProviderOutcome#UNKNOWN} (the channel has no
     * record of the payment) changes nothing while the intent may still be paid; once it is past its expiry, the
     * intent expires. A report about another intent than {@code intent} is ignored and logged.
     *
     * @throws ProviderFailure when the channel could not answer; the intent stays as it is, the failure is its
     *         {@code lastError}, and the core asks again later
     */
    ProviderReport query(ProviderContext context, PaymentIntent intent) throws ProviderFailure;
}
