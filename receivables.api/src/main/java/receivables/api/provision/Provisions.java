package receivables.api.provision;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * IFRS 9 simplified approach for one tenant at a time: lifetime expected credit losses of the open receivables from
 * a provision matrix per currency, with the aging buckets of {@link receivables.api.report.Aging#DEFAULT_LIMITS}, its
 * historical loss rates adjusted by the forward-looking adjustment effective in the as-of day's month.
 */
@ProviderType
public interface Provisions {

    /** The most month ends a window may span. */
    int MAX_MONTHS = 36;

    /** The window when none is asked for. */
    int DEFAULT_MONTHS = 12;

    /** The largest factor a forward-looking adjustment may multiply a loss rate by. */
    BigDecimal MAX_FACTOR = BigDecimal.TEN;

    /** The longest reason of a forward-looking adjustment, in characters. */
    int MAX_REASON = 500;

    /**
     * The provision matrix as of {@code asOf}, its roll rates from the {@code months} month-end-to-month-end steps
     * ending at the last month end on or before {@code asOf}.
     *
     * @throws receivables.api.InvalidRequestException on a missing {@code asOf}, or {@code months} outside 1 to
     *         {@link #MAX_MONTHS}
     */
    ProvisionReport matrix(TenantId tenant, LocalDate asOf, int months);

    /**
     * Posts the allowance at the end of {@code period}, a month that has ended, as adjusting journal entries of
     * {@link receivables.api.journal.JournalEntryKind#CREDIT_LOSS_ALLOWANCE}: only the change against the previous
     * provision. Once per period: the same period again returns the first, whatever {@code months}.
     *
     * @throws receivables.api.InvalidRequestException on a missing period, one that has not ended or is not after the
     *         last provisioned one, or {@code months} outside 1 to {@link #MAX_MONTHS}; nothing is stored
     */
    Provision post(TenantId tenant, YearMonth period, int months);

    /** The tenant's provisions, latest period first. */
    List<Provision> list(TenantId tenant);

    /**
     * Sets a forward-looking adjustment of the loss rates from {@code request.effectiveFrom()} on, in the audit trail
     * as {@code provision-adjustment}. Provisions already posted keep the adjustment they used.
     *
     * @throws receivables.api.InvalidRequestException naming {@code effectiveFrom}, {@code effectiveTo} (before
     *         {@code effectiveFrom}), {@code factors} (not one per bucket), {@code factors[i]} (outside 0 to
     *         {@link #MAX_FACTOR} or more than 6 decimals) or {@code reason} (blank or longer than {@link #MAX_REASON});
     *         nothing is stored
     */
    ForwardLookingAdjustment adjust(TenantId tenant, ForwardLookingAdjustmentRequest request);

    /** The tenant's forward-looking adjustments, latest effective month first, then latest set first. */
    List<ForwardLookingAdjustment> adjustments(TenantId tenant);
}
