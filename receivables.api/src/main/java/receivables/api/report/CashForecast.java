package receivables.api.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Expected receipts for the {@link CashForecasts#WEEKS} weeks after {@code asOf}, from the installments open that
 * day, each expected on its predicted payment date: its due date moved by the customer's average delay, or the
 * day after {@code asOf} when that date has passed. Per day and per week (the first starting the day after
 * {@code asOf}), by currency; amounts in different currencies are never added.
 *
 * @param later what is expected after the last week, per currency
 */
public record CashForecast(LocalDate asOf, List<ExpectedReceipt> days, List<ExpectedReceipt> weeks,
        List<ExpectedReceipt> later) {

    public CashForecast {
        days = List.copyOf(days);
        weeks = List.copyOf(weeks);
        later = List.copyOf(later);
    }
}
