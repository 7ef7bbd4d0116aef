package receivables.api.payment;

/**
 * RECEIVED: the money is in. REVERSED: it went back (a returned transfer, a charge-back); every allocation of
 * it was taken back.
 */
public enum PaymentStatus {
    RECEIVED, REVERSED
}
