package receivables.api.provider;

import org.osgi.annotation.versioning.ConsumerType;

import receivables.api.intent.PaymentIntent;

/**
 * A provider whose channel can close a payment not made yet. Implemented beside {@link PaymentProvider} by the
 * same service.
 *
 * <p><b>What it changes in the core:</b> cancelling a PENDING intent first closes the payment at the channel,
 * so the payer can no longer pay it; if the channel refuses or cannot be reached, the cancel answers 409 and the
 * intent stays PENDING. The offer lists {@link ProviderCapability#CANCEL}. A provider without it (a link or a
 * bank transfer the payer may still use) is never called: the core marks the intent CANCELED on its own, and
 * money that still arrives for it is recorded as a late payment, never lost.
 */
@ConsumerType
public interface PaymentCancellation {

    /**
     * Closes the intent's payment at the channel. A payment the channel never opened counts as closed.
     *
     * @throws ProviderFailure when the channel did not close it; the intent stays PENDING
     */
    void cancel(ProviderContext context, PaymentIntent intent) throws ProviderFailure;
}
