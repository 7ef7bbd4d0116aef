package receivables.api.provision;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** A new forward-looking adjustment, as {@link ForwardLookingAdjustment} describes its fields. */
public record ForwardLookingAdjustmentRequest(YearMonth effectiveFrom, YearMonth effectiveTo, List<BigDecimal> factors,
        String reason) {
}
