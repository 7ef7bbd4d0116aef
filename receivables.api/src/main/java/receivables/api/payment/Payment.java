package receivables.api.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * A payment as stored, with its allocations.
 *
 * @param number      what people read and quote, e.g. {@code PAY-2026-000001}: gap-free per tenant and year of
 *                    the value date; statements and the journal name the payment by it
 * @param unallocated what is left on the customer's account as credit
 * @param reversedOn  when a REVERSED payment went back, or {@code null}
 * @param allocations every allocation in the order made, reversals included as negative amounts
 */
public record Payment(UUID id, String number, String idempotencyKey, UUID customerId, String method, Money amount, Money unallocated,
        LocalDate valueDate, String payerReference, PaymentStatus status, LocalDate reversedOn,
        List<Allocation> allocations) {

    public Payment {
        allocations = List.copyOf(allocations);
    }
}
