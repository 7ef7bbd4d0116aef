package receivables.api.fx;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How much of the tenant's functional currency one unit of {@code currency} was worth on {@code date}.
 *
 * @param rate positive, at most 10 decimals
 */
public record ExchangeRate(String currency, LocalDate date, BigDecimal rate) {
}
