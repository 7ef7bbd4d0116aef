package receivables.api.provider;

import java.util.Objects;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * Money to pay back for an intent that succeeded.
 *
 * @param refundId the core's id of the refund: the same id twice must refund once
 */
public record RefundInstruction(UUID refundId, Money amount, String reason) {

    public RefundInstruction {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
    }
}
