package receivables.api.payment;

import java.time.LocalDate;
import java.util.UUID;

import receivables.api.money.Money;

/** Money paid back out of a payment. */
public record PaymentRefund(UUID id, UUID paymentId, String idempotencyKey, Money amount, LocalDate date,
        String reason) {
}
