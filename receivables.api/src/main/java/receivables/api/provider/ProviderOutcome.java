package receivables.api.provider;

/** Where a payment stands at the channel. */
public enum ProviderOutcome {
    /** Not paid yet; the payer may still pay. */
    PENDING,
    /** Paid: the core records the payment (see {@link ProviderReport} for the amount). */
    SUCCEEDED,
    /** The payment failed and will not succeed. */
    FAILED,
    /** Closed before it was paid. */
    CANCELED,
    /** The payer did not pay in time. */
    EXPIRED,
    /**
     * The channel does not know the payment (it never reached it): changes nothing while the intent may still be
     * paid; a pending intent past its expiry then expires.
     */
    UNKNOWN
}
