package receivables.api.provider;

import org.osgi.annotation.versioning.ConsumerType;

import receivables.api.intent.PaymentIntent;

/**
 * A provider whose channel pays money back. Implemented beside {@link PaymentProvider} by the same service.
 *
 * <p><b>What it changes in the core:</b> {@code POST /payment-intents/{id}/refunds} is accepted for the
 * provider's paid intents (without this interface it answers 400 naming {@code intent}); the offer lists
 * {@link ProviderCapability#REFUND}, and {@link ProviderCapability#PARTIAL_REFUND} when
 * {@link ProviderDescription#partialRefunds()} is set (otherwise only the whole amount is refunded). The core
 * takes the money off the ledger (a payment refund: Dr customer credit, Cr cash) only once the channel
 * confirms the refund, never before.
 */
@ConsumerType
public interface PaymentRefunds {

    /**
     * Asks the channel to pay {@code refund} back to the payer. The same {@link RefundInstruction#refundId()}
     * twice must refund once.
     *
     * @return {@link RefundOutcome#SUCCEEDED} when the channel confirms at once, {@link RefundOutcome#PENDING}
     *         when it took the refund and confirms later (the core then asks {@link #refundStatus} with growing
     *         pauses until it answers SUCCEEDED or FAILED), {@link RefundOutcome#FAILED} when it refused
     * @throws ProviderFailure {@link ProviderFailure.Kind#DECLINED} and
     *         {@link ProviderFailure.Kind#INVALID_REQUEST} fail the refund; the other kinds leave it pending and
     *         the core calls {@code refund} again later, up to the configured attempts
     */
    RefundReport refund(ProviderContext context, PaymentIntent intent, RefundInstruction refund) throws ProviderFailure;

    /**
     * Where a refund that {@link #refund} answered PENDING stands now: how a refund the channel confirms later
     * reaches the core. The default asks {@link #refund} again with the same refund id, which a channel that keeps
     * refunds by their id answers with the refund's state without paying twice; override it where the channel
     * has a refund query of its own.
     *
     * @throws ProviderFailure when the channel could not answer; the refund stays pending and is asked about again
     */
    default RefundReport refundStatus(ProviderContext context, PaymentIntent intent, RefundInstruction refund)
            throws ProviderFailure {
        return refund(context, intent, refund);
    }
}
