package receivables.api.payment;

import java.time.LocalDate;

import receivables.api.money.Money;

/**
 * Money to pay back to the customer out of a payment.
 *
 * @param idempotencyKey the same key twice refunds once
 * @param amount         positive, in the payment's currency
 * @param date           when the money leaves
 */
public record PaymentRefundRequest(String idempotencyKey, Money amount, LocalDate date, String reason) {
}
