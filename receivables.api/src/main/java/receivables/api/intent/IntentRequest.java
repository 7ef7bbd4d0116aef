package receivables.api.intent;

import java.util.UUID;

import receivables.api.money.Money;

/**
 * A request to collect money for an invoice through a provider.
 *
 * @param idempotencyKey the same key twice creates one intent
 * @param amount         {@code null} for what is open on the invoice; otherwise at most that, in its currency
 * @param method         one of the provider's methods, or {@code null} for its first
 */
public record IntentRequest(String idempotencyKey, UUID invoiceId, String provider, String method, Money amount) {
}
