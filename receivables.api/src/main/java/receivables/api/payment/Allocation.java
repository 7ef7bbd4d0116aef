package receivables.api.payment;

import java.time.Instant;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * Part of a payment applied to one installment of one invoice.
 */
public record Allocation(UUID id, UUID invoiceId, int installment, Money amount, Instant allocatedAt) {
}
