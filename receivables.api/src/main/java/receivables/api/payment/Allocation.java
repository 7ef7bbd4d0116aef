package receivables.api.payment;

import java.time.Instant;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * Part of a payment applied to one installment of one invoice, or, with a negative amount, an allocation
 * taken back.
 *
 * @param reverses the allocation this one takes back, or {@code null}
 * @param reason   why it was taken back, or {@code null}
 */
public record Allocation(UUID id, UUID invoiceId, int installment, Money amount, Instant allocatedAt, UUID reverses,
        String reason) {
}
