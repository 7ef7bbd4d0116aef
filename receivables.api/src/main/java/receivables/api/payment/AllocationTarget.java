package receivables.api.payment;

import java.util.UUID;

import receivables.api.money.Money;

/**
 * Where a payer said the money is for.
 *
 * @param invoiceId   an issued invoice of the paying customer
 * @param installment 1-based installment, or {@code null} for the invoice's open installments oldest first
 * @param amount      how much, or {@code null} for as much as is open there
 */
public record AllocationTarget(UUID invoiceId, Integer installment, Money amount) {
}
