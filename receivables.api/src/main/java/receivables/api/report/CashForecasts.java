package receivables.api.report;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * The cash forecast from open installments and each customer's payment behaviour, and its back-test.
 */
@ProviderType
public interface CashForecasts {

    /** How many weeks a forecast covers. */
    int WEEKS = 13;

    /**
     * Expected receipts after {@code asOf}, using only what was known that day: installments issued by then, what
     * they had open, and the payment date the tenant's risk model predicted for each when it scored it on or before
     * {@code asOf}; otherwise each customer's average delay (days between due date and payment, weighted by amount)
     * in the payments it had made.
     *
     * @throws receivables.api.InvalidRequestException naming {@code asOf}
     */
    CashForecast forecast(TenantId tenant, LocalDate asOf);

    /**
     * The forecast as of {@code asOf}, a past day, against what came in after it.
     *
     * @throws receivables.api.InvalidRequestException naming {@code asOf}: missing, or less than a week ago
     */
    ForecastBackTest backTest(TenantId tenant, LocalDate asOf);
}
