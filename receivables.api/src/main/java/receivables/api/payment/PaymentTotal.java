package receivables.api.payment;

import receivables.api.money.Money;

/**
 * The payments of one currency that a {@link PaymentFilter} matches.
 *
 * @param unallocated what of them is still on customers' accounts as credit
 */
public record PaymentTotal(String currency, long count, Money amount, Money unallocated) {
}
