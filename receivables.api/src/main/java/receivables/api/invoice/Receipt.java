package receivables.api.invoice;

import receivables.api.payment.Payment;

/**
 * What a checkout leaves: the issued invoice and the payment taken, or {@code null} when none was.
 */
public record Receipt(Invoice invoice, Payment payment) {
}
