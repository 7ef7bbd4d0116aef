package receivables.api.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * A payment received, as recorded by a clerk, a bank statement or a payment provider.
 *
 * @param idempotencyKey  the same key twice records one payment
 * @param customerId      who paid
 * @param method          how, e.g. BANK_TRANSFER, CARD, CASH, WALLET
 * @param amount          positive
 * @param valueDate       when the money arrived
 * @param payerReference  what the payer wrote, or {@code null}
 * @param allocateTo      explicit targets; empty to allocate to the oldest due installments first
 */
public record PaymentRequest(String idempotencyKey, UUID customerId, String method, Money amount, LocalDate valueDate,
        String payerReference, List<AllocationTarget> allocateTo) {

    public PaymentRequest {
        allocateTo = allocateTo == null ? List.of() : List.copyOf(allocateTo);
    }
}
