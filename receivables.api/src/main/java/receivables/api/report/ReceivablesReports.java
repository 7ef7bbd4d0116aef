package receivables.api.report;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * Reports for finance by dimension, and the collection KPIs, each as of any day.
 */
@ProviderType
public interface ReceivablesReports {

    /** The longest trend and the longest collections period, in months. */
    int MAX_MONTHS = 36;

    /**
     * Open receivables as of {@code asOf} by {@code dimension}, aged into the buckets of {@code limits}
     * (see {@link Aging#report}).
     *
     * @throws receivables.api.InvalidRequestException naming {@code asOf}, {@code dimension} or {@code buckets}
     */
    ReceivablesReport receivables(TenantId tenant, LocalDate asOf, ReportDimension dimension, List<Integer> limits);

    /**
     * What was collected from {@code from} to {@code to} inclusive by {@code dimension}.
     *
     * @throws receivables.api.InvalidRequestException naming {@code from}, {@code to} or {@code dimension}: missing,
     *         {@code from} after {@code to}, or longer than {@link #MAX_MONTHS} months
     */
    CollectionsReport collections(TenantId tenant, LocalDate from, LocalDate to, ReportDimension dimension);

    /**
     * The KPIs as of {@code asOf} with a trend over {@code months} month ends (1 to {@link #MAX_MONTHS}).
     *
     * @throws receivables.api.InvalidRequestException naming {@code asOf} or {@code months}
     */
    CollectionKpis kpis(TenantId tenant, LocalDate asOf, int months);
}
