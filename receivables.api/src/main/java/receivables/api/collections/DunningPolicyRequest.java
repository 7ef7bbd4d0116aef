package receivables.api.collections;

import java.math.BigDecimal;
import java.util.List;

/**
 * A dunning policy as a client defines it; {@link DunningPolicy} says what each field means.
 */
public record DunningPolicyRequest(String name, List<DunningLevel> levels, Integer minDaysBetweenNotices,
        BigDecimal minimumOverdue, BigDecimal annualInterestPercent, String chargeTermsCode, String language,
        String channel, List<String> segments, Boolean tenantDefault) {
}
