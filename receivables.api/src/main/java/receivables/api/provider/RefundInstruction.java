package receivables.api.provider;

import java.util.Objects;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * Money to pay back for an intent that succeeded.
 *
 * @param refundId the core's id of the refund: the same id twice must refund once
 * @param amount   in the intent's currency, positive, at most what is not refunded yet; less than the intent's
 *                 amount only for a provider with {@link ProviderDescription#partialRefunds()}
 * @param reason   what the clerk gave, for the channel's records; never {@code null} or blank
 */
public record RefundInstruction(UUID refundId, Money amount, String reason) {

    public RefundInstruction {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
    }
}
