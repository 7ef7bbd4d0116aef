package receivables.api.invoice;

import receivables.api.money.Money;

/**
 * A payment taken at checkout, e.g. at the till or in a web shop; it goes to the invoice being issued and
 * what exceeds it stays as customer credit.
 *
 * @param idempotencyKey the same key twice records one payment
 */
public record ImmediatePayment(String idempotencyKey, String method, Money amount, String payerReference) {
}
