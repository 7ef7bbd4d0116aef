package receivables.api.provider;

/**
 * What a provider can do beyond starting payments and verifying notifications, as the core derives it from the
 * interfaces the provider's service implements; listed in {@link receivables.api.intent.ProviderOffer}. How the
 * payer is shown a payment is not a capability but a {@link PaymentInstructions.Kind}.
 */
public enum ProviderCapability {
    /** Implements {@link PaymentQuery}. */
    QUERY,
    /** Implements {@link PaymentRefunds}. */
    REFUND,
    /** Implements {@link PaymentRefunds} and declares {@link ProviderDescription#partialRefunds()}. */
    PARTIAL_REFUND,
    /** Implements {@link PaymentCancellation}. */
    CANCEL
}
