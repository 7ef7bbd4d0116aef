package receivables.api.provision;

import receivables.api.money.Money;

/**
 * The loss allowance of one currency at a period end.
 *
 * @param allowance what the allowance is now: the matrix's expected credit loss
 * @param previous  what it was at the tenant's previous provision (zero at the first)
 * @param change    {@code allowance - previous}: journalled as an increase when positive, a release when negative
 */
public record ProvisionedCurrency(Money allowance, Money previous, Money change) {
}
