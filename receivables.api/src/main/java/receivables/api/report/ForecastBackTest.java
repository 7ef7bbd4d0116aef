package receivables.api.report;

import java.time.LocalDate;
import java.util.List;

import receivables.api.money.Money;

/**
 * The forecast made as of {@code asOf}, from what was known then, against what came in for the installments it
 * covered, week by week, and the same for a forecast by due dates alone.
 *
 * @param forecastError the sum over the weeks of |forecast − received|, per currency
 * @param byDueDateError the same for the forecast by due dates
 */
public record ForecastBackTest(LocalDate asOf, List<ForecastWeek> weeks, List<Money> forecastError,
        List<Money> byDueDateError) {

    public ForecastBackTest {
        weeks = List.copyOf(weeks);
        forecastError = List.copyOf(forecastError);
        byDueDateError = List.copyOf(byDueDateError);
    }
}
