package receivables.api.collections;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a tenant chases what its customers owe. A customer is dunned under the policy assigned to it, else the
 * policy naming its segment, else the tenant's default policy; a customer none of these reaches is not dunned.
 *
 * @param code                  1 to 32 characters A-Z, 0-9, _ or -
 * @param levels                ordered by {@link DunningLevel#days()}, strictly increasing, at least one
 * @param minDaysBetweenNotices no notice goes to a customer sooner than this after its last one
 * @param minimumOverdue        dunning (not reminders) starts only once the customer owes at least this much
 *                              overdue, in the currency of its items
 * @param annualInterestPercent interest on overdue principal, in percent a year, accruing daily (actual/365); 0
 *                              for none. Fees and interest bear no interest.
 * @param chargeTermsCode       the payment terms of the fee and interest items the run charges, e.g. NET14
 * @param language              the language notices are written in: {@code zh-CN} or {@code en}
 * @param channel               the notice channel notices go by, e.g. {@code email}
 * @param segments              the customer segments this policy applies to
 * @param tenantDefault         whether it applies to customers that no assignment or segment reaches; one at most
 */
public record DunningPolicy(String code, String name, List<DunningLevel> levels, int minDaysBetweenNotices,
        BigDecimal minimumOverdue, BigDecimal annualInterestPercent, String chargeTermsCode, String language,
        String channel, List<String> segments, boolean tenantDefault, long version) {

    public DunningPolicy {
        levels = List.copyOf(levels);
        segments = List.copyOf(segments);
    }

    /** The level number (1-based) that applies {@code daysPastDue} days after a due date, or 0 for none. */
    public int levelAt(int daysPastDue) {
        if (daysPastDue == 0) {
            return 0;
        }
        int level = 0;
        for (int i = 0; i < levels.size(); i++) {
            DunningLevel candidate = levels.get(i);
            // A reminder applies only before the due date, a dunning level only after it.
            if (candidate.days() <= daysPastDue && Integer.signum(candidate.days()) == Integer.signum(daysPastDue)) {
                level = i + 1;
            }
        }
        return level;
    }

    /** The level with number {@code number} (1-based). */
    public DunningLevel level(int number) {
        return levels.get(number - 1);
    }
}
