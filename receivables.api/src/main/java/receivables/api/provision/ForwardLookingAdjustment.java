package receivables.api.provision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a finance manager adjusted the historical loss rates for current and forecast conditions (IFRS 9 5.5.17(c)):
 * each bucket's loss rate is multiplied by its factor (the result at most 1). It applies to the matrices and
 * provisions as of a day in a month from {@code effectiveFrom} to {@code effectiveTo} (open-ended when null); where
 * several do, the one effective from the latest month, and of those the one set last. Never changed once set: a new
 * view is a new adjustment, so that a provision keeps the one it used.
 *
 * @param effectiveFrom the first month it applies to, like {@code 2026-10}
 * @param effectiveTo   the last month it applies to, or null
 * @param factors       one per bucket of {@link receivables.api.report.Aging#DEFAULT_LIMITS}, current first: from 0
 *                      to {@link Provisions#MAX_FACTOR}, at most 6 decimals
 * @param reason        why, in the finance manager's words (the forecast it rests on)
 */
public record ForwardLookingAdjustment(UUID id, String effectiveFrom, String effectiveTo, List<BigDecimal> factors,
        String reason, Instant createdAt) {

    public ForwardLookingAdjustment {
        factors = List.copyOf(factors);
    }
}
