package receivables.api.provider;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * What the channel says about one intent's payment, from a notification or a query. The core applies
 * reports to the intent's state machine, so the same report twice, or an older one after a newer one,
 * changes nothing.
 *
 * <p>{@link ProviderOutcome#SUCCEEDED} records one payment of {@code amount} for the intent's customer, once
 * (keyed by the intent), in the same transaction as the intent's move to SUCCEEDED. An amount lower than the
 * intent's is recorded as it is: the invoice stays open by the difference and the intent's history says
 * "paid X of Y"; a higher amount settles the invoice and the rest becomes the customer's credit. A success for
 * an intent that already FAILED, EXPIRED or was CANCELED is still recorded (money is never lost); one for an
 * intent already paid changes nothing. An amount in another currency than the intent's is refused (400 to a
 * notification) and nothing is stored.
 *
 * @param intentId          the intent it is about
 * @param providerReference the channel's own id of the payment, or {@code null} when it has none yet
 * @param outcome           where the payment stands at the channel
 * @param amount            what was paid, for {@link ProviderOutcome#SUCCEEDED}; otherwise may be {@code null}
 * @param occurredAt        when the channel says it happened (the payment's value date), or {@code null} for now
 */
public record ProviderReport(UUID intentId, String providerReference, ProviderOutcome outcome, Money amount,
        Instant occurredAt) {

    public ProviderReport {
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == ProviderOutcome.SUCCEEDED) {
            Objects.requireNonNull(amount, "amount of a succeeded payment");
        }
    }
}
