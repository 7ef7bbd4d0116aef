package receivables.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

import receivables.api.money.CurrencyMismatchException;
import receivables.api.money.Money;

class MoneyTest {

    @Test
    void keepsTheCurrencysScale() {
        assertThat(Money.of("10", "EUR").amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(Money.of("1000", "JPY").amount().scale()).isZero();
        assertThat(Money.of("1.5", "KWD").amount()).isEqualTo(new BigDecimal("1.500"));
        assertThatThrownBy(() -> Money.of("0.001", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "EURO")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "eur")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newBusinessIsInActiveIso4217CurrenciesWithTheirMinorUnits() {
        for (String notActive : List.of("XXX", "XTS", "XAU", "XDR", "DEM", "HRK", "SLL", "ANG", "eur", "", "EU\0")) {
            assertThat(Money.isActiveCurrency(notActive)).as(notActive).isFalse();
        }
        assertThat(Money.isActiveCurrency(null)).isFalse();
        assertThat(Money.isActiveCurrency("EUR")).isTrue();
        assertThat(Money.isActiveCurrency("ZWG")).as("newer than some JDKs").isTrue();
        assertThat(Money.scaleOf("EUR")).isEqualTo(2);
        assertThat(Money.scaleOf("JPY")).isZero();
        assertThat(Money.scaleOf("TND")).isEqualTo(3);
        assertThat(Money.scaleOf("CLF")).isEqualTo(4);
        assertThat(Money.of("1.5", "VED").amount()).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void oldStatementsKeepTheirWithdrawnCurrenciesButNothingIsInACodeWithoutMinorUnits() {
        assertThat(Money.isCurrency("DEM")).isTrue();
        assertThat(Money.isCurrency(null)).isFalse();
        assertThat(Money.of("12.30", "DEM").amount()).isEqualTo(new BigDecimal("12.30"));
        for (String noMoney : List.of("XXX", "XTS", "XAU", "XDR", "ABC", "eur")) {
            assertThat(Money.isCurrency(noMoney)).as(noMoney).isFalse();
            assertThatThrownBy(() -> Money.of("1", noMoney)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void neverAddsDifferentCurrencies() {
        assertThat(Money.of("1.10", "EUR").plus(Money.of("2.20", "EUR"))).isEqualTo(Money.of("3.30", "EUR"));
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD"))).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "USD"))).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void splitsExactlyWithTheRemainderLast() {
        List<BigDecimal> thirds = List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);

        assertThat(Money.of("100.00", "EUR").split(thirds))
                .containsExactly(Money.of("33.33", "EUR"), Money.of("33.33", "EUR"), Money.of("33.34", "EUR"));
        assertThat(Money.of("100", "JPY").split(thirds))
                .containsExactly(Money.of("33", "JPY"), Money.of("33", "JPY"), Money.of("34", "JPY"));
        assertThat(Money.of("10.000", "KWD").split(thirds))
                .containsExactly(Money.of("3.333", "KWD"), Money.of("3.333", "KWD"), Money.of("3.334", "KWD"));
        assertThat(Money.of("99.99", "EUR").split(List.of(new BigDecimal("30"), new BigDecimal("40"), new BigDecimal("30"))))
                .containsExactly(Money.of("30.00", "EUR"), Money.of("40.00", "EUR"), Money.of("29.99", "EUR"));
        assertThat(Money.of("311.59", "EUR").split(List.of(new BigDecimal("30"), new BigDecimal("40"), new BigDecimal("30"))))
                .containsExactly(Money.of("93.48", "EUR"), Money.of("124.64", "EUR"), Money.of("93.47", "EUR"));
    }

    @Test
    void splitsIntoPartsThatAreNeverNegativeWhenManySharesRoundUp() {
        List<Money> parts = Money.of("0.05", "EUR").split(Collections.nCopies(10, BigDecimal.ONE));

        assertThat(parts).noneMatch(Money::isNegative);
        assertThat(parts.stream().reduce(Money.zero("EUR"), Money::plus)).isEqualTo(Money.of("0.05", "EUR"));
        assertThat(parts.get(0)).isEqualTo(Money.of("0.01", "EUR"));
    }

    @Test
    void splitsANegativeAmountAsTheMirrorOfItsPositive() {
        assertThat(Money.of("-10.00", "EUR").split(Collections.nCopies(3, BigDecimal.ONE)))
                .containsExactly(Money.of("-3.33", "EUR"), Money.of("-3.33", "EUR"), Money.of("-3.34", "EUR"));
        assertThat(Money.of("-0.05", "EUR").split(Collections.nCopies(10, BigDecimal.ONE))).noneMatch(Money::isPositive);
    }

    @Property
    void everySplitAddsUpHasNoPartOfTheOtherSignAndMirrorsItsNegative(
            @ForAll @BigRange(min = "-1000000", max = "1000000") @Scale(2) BigDecimal amount,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 1000) Integer> weights) {
        Assume.that(weights.stream().mapToInt(Integer::intValue).sum() > 0);
        List<BigDecimal> shares = weights.stream().map(BigDecimal::valueOf).toList();
        Money money = new Money(amount, "EUR");

        List<Money> parts = money.split(shares);
        List<Money> mirrored = new Money(amount.negate(), "EUR").split(shares);

        assertThat(parts.stream().reduce(Money.zero("EUR"), Money::plus)).isEqualTo(money);
        assertThat(parts).noneMatch(part -> part.amount().signum() * amount.signum() < 0);
        for (int i = 0; i < parts.size(); i++) {
            assertThat(mirrored.get(i).amount()).isEqualByComparingTo(parts.get(i).amount().negate());
        }
    }

    @Test
    void multipliesWithHalfUpRounding() {
        assertThat(Money.of("10.05", "EUR").times(new BigDecimal("0.19"))).isEqualTo(Money.of("1.91", "EUR"));
        assertThat(Money.of("0.05", "EUR").times(new BigDecimal("0.5"))).isEqualTo(Money.of("0.03", "EUR"));
    }
}
