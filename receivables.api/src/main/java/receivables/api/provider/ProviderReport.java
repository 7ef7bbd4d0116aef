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
 * @param intentId          the intent it is about
 * @param providerReference the channel's own id of the payment, or {@code null} when it has none yet
 * @param outcome           where the payment stands at the channel
 * @param amount            what was paid, for {@link ProviderOutcome#SUCCEEDED}; otherwise may be {@code null}
 * @param occurredAt        when the channel says it happened, or {@code null}
 * @param payer             the payer's account or name at the channel, or {@code null}
 */
public record ProviderReport(UUID intentId, String providerReference, ProviderOutcome outcome, Money amount,
        Instant occurredAt, String payer) {

    public ProviderReport {
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == ProviderOutcome.SUCCEEDED) {
            Objects.requireNonNull(amount, "amount of a succeeded payment");
        }
    }
}
