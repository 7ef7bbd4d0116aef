package receivables.api.provision;

import java.time.LocalDate;
import java.util.List;

/**
 * Provision matrices as of a day, one per currency with receivables open that day or in the window.
 *
 * @param windowFrom the first month end of the window; the roll rates compare each month end from it to the last
 *                   month end on or before {@code asOf} with the next one
 * @param windowTo   the last month end on or before {@code asOf}
 * @param adjustment the forward-looking adjustment applied, effective in {@code asOf}'s month; null when none is
 */
public record ProvisionReport(LocalDate asOf, int months, LocalDate windowFrom, LocalDate windowTo,
        ForwardLookingAdjustment adjustment, List<ProvisionMatrix> currencies) {

    public ProvisionReport {
        currencies = List.copyOf(currencies);
    }
}
