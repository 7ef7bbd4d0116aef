package receivables.api.report;

import java.math.BigDecimal;

import receivables.api.money.Money;

/**
 * What one value of a dimension collected in one currency in a period. Every average is weighted by the amounts
 * collected, and a payment counts on its value date.
 *
 * @param key                    as in {@link DimensionAgingRow#key()}
 * @param label                  as in {@link DimensionAgingRow#label()}
 * @param collected              payments allocated to installments, net of reversals
 * @param onTimePercent          share of {@code collected} paid on or before the installment's due date, in percent
 *                               with 2 decimals
 * @param averageDaysToPay       from the invoice's issue date to the payment's value date, 1 decimal
 * @param averageDaysBeyondTerms past the installment's due date, 0 for what was paid in time, 1 decimal
 */
public record CollectionRow(String key, String label, String currency, Money collected, BigDecimal onTimePercent,
        BigDecimal averageDaysToPay, BigDecimal averageDaysBeyondTerms) {
}
