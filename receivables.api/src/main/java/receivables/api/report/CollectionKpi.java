package receivables.api.report;

import java.math.BigDecimal;
import java.time.LocalDate;

import receivables.api.money.Money;

/**
 * The collection KPIs as of a day, in the tenant's functional currency (invoices in other currencies at their
 * rate of issue). Days have 1 decimal, the CEI 2.
 *
 * @param receivables           what was open that day
 * @param current               of it, what was not yet due
 * @param dso                   days sales outstanding by the count-back method: the receivables are matched
 *                              against the credit sales (gross invoiced) of the day's month so far, then of each
 *                              month before, and the days those sales cover are counted, the last month in
 *                              proportion
 * @param bestPossibleDso       the same count-back for what is not yet due
 * @param averageDaysDelinquent {@code dso - bestPossibleDso}
 * @param cei                   collection effectiveness index of the day's month up to the day, in percent:
 *                              (receivables at the start + sales − receivables at the end) / (receivables at the
 *                              start + sales − current receivables at the end) × 100; {@code null} when nothing was
 *                              to be collected
 */
public record CollectionKpi(LocalDate asOf, Money receivables, Money current, BigDecimal dso,
        BigDecimal bestPossibleDso, BigDecimal averageDaysDelinquent, BigDecimal cei) {
}
