package receivables.api.intent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import receivables.api.money.Money;
import receivables.api.provider.PaymentInstructions;

/**
 * One attempt to collect {@code amount} for an invoice through a provider.
 *
 * @param description     what the payer sees, e.g. the invoice number
 * @param instructions    how to pay, once {@link IntentStatus#PENDING}; otherwise may be {@code null}
 * @param paymentId       the ledger's payment once {@link IntentStatus#SUCCEEDED}, else {@code null}
 * @param lastError       the provider's last failure, for clerks; {@code null} when none
 */
public record PaymentIntent(UUID id, UUID invoiceId, UUID customerId, String provider, String method, Money amount,
        String description, IntentStatus status, String providerReference, PaymentInstructions instructions,
        UUID paymentId, Money refunded, String lastError, Instant createdAt, Instant updatedAt,
        List<IntentTransition> history, List<IntentRefund> refunds) {

    public PaymentIntent {
        history = history == null ? List.of() : List.copyOf(history);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }
}
