package receivables.api.provider;

/** What a provider can do beyond starting payments and verifying notifications. */
public enum ProviderCapability {
    REFUND,
    PARTIAL_REFUND,
    QUERY,
    CANCEL,
    QR,
    REDIRECT,
    BANK_DETAILS
}
