package receivables.api.report;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * The aging report, aggregated in the database.
 */
@ProviderType
public interface Aging {

    /** The default buckets: current, 1–30, 31–60, 61–90 and over 90 days past due. */
    List<Integer> DEFAULT_LIMITS = List.of(30, 60, 90);

    /**
     * @param limits ascending upper limits in days past due of the buckets after "current", e.g. 30, 60, 90;
     *               the last bucket is open-ended
     */
    AgingReport report(TenantId tenant, LocalDate asOf, List<Integer> limits);
}
