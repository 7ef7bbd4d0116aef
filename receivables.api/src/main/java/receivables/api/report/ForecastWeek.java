package receivables.api.report;

import java.time.LocalDate;

import receivables.api.money.Money;

/**
 * One week of a back-test in one currency: what the forecast expected, what a forecast by due dates alone
 * expected, and what came in for the same installments.
 */
public record ForecastWeek(LocalDate weekStart, String currency, Money forecast, Money byDueDate, Money received) {
}
