package receivables.api.intent;

import java.time.Instant;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * Money paid back for a succeeded intent.
 *
 * @param status {@code PENDING} while the provider has not confirmed it, then {@code SUCCEEDED} or {@code FAILED}
 */
public record IntentRefund(UUID id, Money amount, String reason, IntentRefundStatus status, String providerReference,
        Instant requestedAt) {
}
