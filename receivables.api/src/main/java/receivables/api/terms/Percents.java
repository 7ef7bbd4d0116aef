package receivables.api.terms;

import java.math.BigDecimal;

/** Percent values as the terms keep them. */
final class Percents {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percents() {
    }

    /**
     * The percent without trailing zeros, so that 30, 30.0 and 30.00 make equal terms and the same
     * notation; never in exponent form (100, not 1E+2).
     */
    static BigDecimal normalized(BigDecimal percent) {
        BigDecimal stripped = percent.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
