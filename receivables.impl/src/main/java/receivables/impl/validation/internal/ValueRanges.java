package receivables.impl.validation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The ranges every value the API takes must lie in, so that whatever is accepted can be computed with and stored
 * on every database we support. The JSON reader, the query parameters and the services all ask here; each
 * method answers what is wrong in words for the client, or {@code null} when the value is fine.
 */
public final class ValueRanges {

    /** Amounts are kept as NUMERIC(19,4): fifteen digits before the point. */
    public static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1E15");
    /** Quantities are kept as NUMERIC(19,6): thirteen digits before the point. */
    public static final BigDecimal QUANTITY_LIMIT = new BigDecimal("1E13");
    /** More decimals than any column keeps (exchange rates keep 10); beyond it a number is noise or an attack. */
    public static final int MAX_DECIMALS = 10;
    /** Calendar days the way SQL and ISO 8601 write them without a sign: years 1 to 9999. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    /** A span of days, such as an aging bucket's limit: at most a hundred years. */
    public static final int MAX_DAYS = 36_500;

    private ValueRanges() {
    }

    /** Any decimal number the API reads: less than {@link #AMOUNT_LIMIT} in magnitude, at most {@link #MAX_DECIMALS} decimals. */
    public static String decimalProblem(BigDecimal value) {
        if (value == null) {
            return null;
        }
        // Compared by exponent first, so 1e999999999 costs nothing; stripping zeros of such a value would.
        if (value.abs().compareTo(AMOUNT_LIMIT) >= 0) {
            return "must be less than 1000000000000000 in magnitude";
        }
        if (value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return "must have at most " + MAX_DECIMALS + " decimals";
        }
        return null;
    }

    /** A quantity: positive, below {@link #QUANTITY_LIMIT}, at most 6 decimals. */
    public static String quantityProblem(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() <= 0 || value.compareTo(QUANTITY_LIMIT) >= 0 || value.stripTrailingZeros().scale() > 6) {
            return "must be positive, less than 10000000000000, with at most 6 decimals";
        }
        return null;
    }

    /**
     * Text: no NUL character (PostgreSQL cannot store it) and no half of a UTF-16 surrogate pair (it is no
     * character at all; PostgreSQL would store it as {@code ?}).
     */
    public static String textProblem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return "must not contain the NUL character";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }

    /** A day between {@link #FIRST_DAY} and {@link #LAST_DAY}. */
    public static String dateProblem(LocalDate value) {
        if (value == null || (!value.isBefore(FIRST_DAY) && !value.isAfter(LAST_DAY))) {
            return null;
        }
        return "must be a day from 0001-01-01 to 9999-12-31";
    }
}
