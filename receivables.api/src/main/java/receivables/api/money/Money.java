package receivables.api.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An exact amount of one currency, always at that currency's scale (JPY 0, EUR 2, KWD 3).
 *
 * @param amount   the amount, negative for credits; its scale is the currency's
 * @param currency ISO 4217 code
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        int scale = scaleOf(currency);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(amount.toPlainString() + " has more decimals than " + currency + " allows ("
                    + scale + ")");
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** {@code amount} rounded half-up to the currency's scale: for results of multiplication and division. */
    public static Money rounded(BigDecimal amount, String currency) {
        return new Money(amount.setScale(scaleOf(currency), RoundingMode.HALF_UP), currency);
    }

    /**
     * The number of decimals of {@code currency}, e.g. 2 for EUR: its minor units in ISO 4217, also for a
     * withdrawn currency such as DEM, in which old bank statements are still read.
     *
     * @throws IllegalArgumentException for anything else, such as XXX, XTS or XAU, which have no minor units
     */
    public static int scaleOf(String currency) {
        Integer digits = currency == null ? null : ActiveCurrencies.MINOR_UNITS.get(currency);
        if (digits != null) {
            return digits;
        }
        int withdrawn = isCode(currency) ? withdrawnMinorUnits(currency) : -1;
        if (withdrawn < 0) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + currency);
        }
        return withdrawn;
    }

    /** Whether {@code code} is an ISO 4217 currency with minor units, active or withdrawn (DEM is, XXX is not). */
    public static boolean isCurrency(String code) {
        return isActiveCurrency(code) || isCode(code) && withdrawnMinorUnits(code) >= 0;
    }

    /**
     * Whether {@code code} is a currency new business can be in: active in ISO 4217, not withdrawn (DEM, HRK), not
     * a test, metal or accounting code (XXX, XTS, XAU, XDR).
     */
    public static boolean isActiveCurrency(String code) {
        return code != null && ActiveCurrencies.MINOR_UNITS.containsKey(code);
    }

    private static boolean isCode(String code) {
        return code != null && code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    /** The JDK's minor units of a code it knows, -1 for one without minor units or unknown. */
    private static int withdrawnMinorUnits(String code) {
        try {
            return Currency.getInstance(code).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** This amount times {@code factor}, rounded half-up to the currency's scale. */
    public Money times(BigDecimal factor) {
        return rounded(amount.multiply(factor), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Splits this amount in proportion to {@code weights} so that the parts add up exactly to it: each part
     * but the last is its share rounded half-up to the currency's minor unit, and the last takes what is left
     * (30/40/30 % of 311.59 EUR: 93.48, 124.64, 93.47). A part is never further from zero than what the parts
     * before it left, so that none has the other sign when many shares round away from zero; a negative amount
     * splits as the mirror of its positive.
     */
    public List<Money> split(List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("split into at least one part");
        }
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0 || weights.stream().anyMatch(weight -> weight.signum() < 0)) {
            throw new IllegalArgumentException("weights must be positive: " + weights);
        }
        int scale = scaleOf(currency);
        List<Money> parts = new ArrayList<>(weights.size());
        BigDecimal assigned = BigDecimal.ZERO;
        for (int i = 0; i < weights.size() - 1; i++) {
            BigDecimal share = amount.multiply(weights.get(i)).divide(total, scale, RoundingMode.HALF_UP);
            BigDecimal left = amount.subtract(assigned);
            BigDecimal part = amount.signum() < 0 ? share.max(left) : share.min(left);
            parts.add(new Money(part, currency));
            assigned = assigned.add(part);
        }
        parts.add(new Money(amount.subtract(assigned), currency));
        return parts;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }
}
