package receivables.api.intent;

import receivables.api.money.Money;

/**
 * @param idempotencyKey the same key twice refunds once
 * @param amount         {@code null} for all that is left
 */
public record RefundRequest(String idempotencyKey, Money amount, String reason) {
}
