package receivables.impl.fx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.fx.ExchangeRate;
import receivables.impl.persistence.internal.TestDatabase;

class StoredExchangeRatesTest {

    static final TenantId TENANT = new TenantId("fx");
    static final TenantId OTHER = new TenantId("other");

    @RegisterExtension
    final TestDatabase database = TestDatabase.h2();

    StoredExchangeRates rates;

    @BeforeEach
    void wire() {
        rates = new StoredExchangeRates(database.get());
    }

    @Test
    void theRateInForceIsTheLatestOnOrBeforeTheDay() {
        rates.enter(TENANT, List.of(rate("USD", "2026-03-02", "0.9210"), rate("USD", "2026-03-05", "0.9150"),
                rate("JPY", "2026-03-02", "0.0061")));

        assertThat(rates.rateOn(TENANT, "USD", LocalDate.of(2026, 3, 4)).orElseThrow().rate()).isEqualByComparingTo("0.921");
        assertThat(rates.rateOn(TENANT, "USD", LocalDate.of(2026, 3, 5)).orElseThrow().rate()).isEqualByComparingTo("0.915");
        assertThat(rates.rateOn(TENANT, "USD", LocalDate.of(2026, 3, 1))).isEmpty();
        assertThat(rates.rateOn(OTHER, "USD", LocalDate.of(2026, 3, 4))).isEmpty();
    }

    @Test
    void enteringTheSameDayAgainReplacesTheRate() {
        rates.enter(TENANT, List.of(rate("USD", "2026-03-02", "0.92")));
        rates.enter(TENANT, List.of(rate("USD", "2026-03-02", "0.93")));

        assertThat(rates.list(TENANT, "USD", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .singleElement().satisfies(rate -> assertThat(rate.rate()).isEqualByComparingTo("0.93"));
    }

    @Test
    void importsCsvAllOrNothingNamingTheLineAtFault() {
        int stored = rates.importCsv(TENANT, new StringReader("date,currency,rate\n2026-03-02,USD,0.92\n\n2026-03-02,GBP,1.17\n"));
        assertThat(stored).isEqualTo(2);

        assertThatThrownBy(() -> rates.importCsv(TENANT, new StringReader(
                "date,currency,rate\n2026-03-03,USD,0.91\n2026-03-03,XYZ,1.0\n")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("line 3"));
        assertThatThrownBy(() -> rates.importCsv(TENANT, new StringReader("day;ccy;rate\n")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("line 1"));
        assertThatThrownBy(() -> rates.importCsv(TENANT, new StringReader("date,currency,rate\n2026-03-03,USD,-1\n")))
                .isInstanceOf(InvalidRequestException.class);
        for (String hostile : List.of("+10000-01-01,USD,1.1", "2026-03-03,XXX,1.1", "2026-03-03,DEM,1.1",
                "2026-03-03,USD,1e999999999", "2026-03-03,USD,1e-999999999", "2026-03-03,US\u0000,1")) {
            assertThatThrownBy(() -> rates.importCsv(TENANT, new StringReader("date,currency,rate\n" + hostile + "\n")))
                    .as(hostile).isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("line 2"));
        }
        assertThat(rates.rateOn(TENANT, "USD", LocalDate.of(2026, 3, 3)).orElseThrow().date()).isEqualTo("2026-03-02");
    }

    private static ExchangeRate rate(String currency, String date, String rate) {
        return new ExchangeRate(currency, LocalDate.parse(date), new BigDecimal(rate));
    }
}
