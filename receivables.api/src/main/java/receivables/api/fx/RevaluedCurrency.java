package receivables.api.fx;

import java.math.BigDecimal;

import receivables.api.money.Money;

/**
 * What is open in one currency, at the rates it was booked at and at the revaluation day's rate.
 *
 * @param open       what is open, in that currency
 * @param bookValue  in the functional currency, at the rates the invoices were issued at
 * @param rate       the revaluation day's rate into the functional currency
 * @param revalued   in the functional currency, at {@code rate}
 * @param difference {@code revalued - bookValue}: an unrealized gain when positive, a loss when negative
 */
public record RevaluedCurrency(Money open, Money bookValue, BigDecimal rate, Money revalued, Money difference) {
}
