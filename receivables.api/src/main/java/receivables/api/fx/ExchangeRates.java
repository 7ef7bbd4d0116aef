package receivables.api.fx;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * The exchange rates of one tenant. A rate entered again for the same currency and day replaces the old one.
 */
@ProviderType
public interface ExchangeRates {

    /**
     * Stores {@code rates}; all or none.
     *
     * @throws receivables.api.InvalidRequestException naming the first bad rate, e.g. {@code rates[3].rate};
     *         nothing is stored
     */
    void enter(TenantId tenant, List<ExchangeRate> rates);

    /**
     * Imports rates from CSV with the header {@code date,currency,rate} (ISO dates, ISO 4217 codes, a dot
     * as decimal separator); all or none.
     *
     * @return how many rates were stored
     * @throws receivables.api.InvalidRequestException naming the line at fault, e.g. {@code line 7}; nothing is stored
     */
    int importCsv(TenantId tenant, Reader csv);

    /** The rate of {@code currency} in force on {@code date}: the latest one entered for that day or before. */
    Optional<ExchangeRate> rateOn(TenantId tenant, String currency, LocalDate date);

    /** The rates of {@code currency} from {@code from} to {@code to}, by day. */
    List<ExchangeRate> list(TenantId tenant, String currency, LocalDate from, LocalDate to);
}
