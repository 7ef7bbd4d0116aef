package receivables.api.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.money.Money;

class EarlyPaymentDiscountTest {

    @Test
    void isEarnedWithinItsDaysOfTheInvoiceDate() {
        EarlyPaymentDiscount discount = new EarlyPaymentDiscount(new BigDecimal("2"), 10);

        assertThat(discount.until(LocalDate.of(2025, 3, 15))).isEqualTo("2025-03-25");
        assertThat(new EarlyPaymentDiscount(BigDecimal.ONE, 0).until(LocalDate.of(2025, 3, 15))).isEqualTo("2025-03-15");
    }

    @Test
    void roundsHalfUpAtTheCurrencysScale() {
        EarlyPaymentDiscount two = new EarlyPaymentDiscount(new BigDecimal("2"), 10);

        assertThat(two.amountOn(Money.of("100.00", "EUR"))).isEqualTo(Money.of("2.00", "EUR"));
        assertThat(two.amountOn(Money.of("10.25", "EUR"))).isEqualTo(Money.of("0.21", "EUR"));
        assertThat(two.amountOn(Money.of("10.24", "EUR"))).isEqualTo(Money.of("0.20", "EUR"));
        assertThat(two.amountOn(Money.of("1025", "JPY"))).isEqualTo(Money.of("21", "JPY"));
        assertThat(two.amountOn(Money.of("3.333", "KWD"))).isEqualTo(Money.of("0.067", "KWD"));
        assertThat(new EarlyPaymentDiscount(new BigDecimal("1.5"), 10).amountOn(Money.of("100.10", "EUR")))
                .isEqualTo(Money.of("1.50", "EUR"));
    }

    @Test
    void keepsThePercentWithoutTrailingZeros() {
        assertThat(new EarlyPaymentDiscount(new BigDecimal("2.50"), 10))
                .isEqualTo(new EarlyPaymentDiscount(new BigDecimal("2.5"), 10));
    }

    @Test
    void refusesPercentsOutsideZeroToHundredAndNegativeDays() {
        for (String percent : new String[] {"0", "-1", "100", "100.5"}) {
            assertThatThrownBy(() -> new EarlyPaymentDiscount(new BigDecimal(percent), 10))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                            .containsExactly(FieldViolation.of("percent", "must be greater than 0 and less than 100")));
        }
        assertThat(new EarlyPaymentDiscount(new BigDecimal("99.99"), 0).percent()).isEqualByComparingTo("99.99");
        assertThatThrownBy(() -> new EarlyPaymentDiscount(null, -1))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("percent", "days"));
    }
}
