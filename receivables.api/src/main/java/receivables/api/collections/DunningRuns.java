package receivables.api.collections;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * The daily dunning run of one tenant at a time: one notice per customer per run, fees and interest charged as
 * items of their own. A day's run is done once, whichever node and however often it is asked for.
 */
@ProviderType
public interface DunningRuns {

    /** What a run on {@code date} would send now, changing nothing. */
    List<DunningNotice> preview(TenantId tenant, LocalDate date);

    /**
     * Runs the dunning of {@code date}, or answers the run of that day as it is when it was done before.
     *
     * @throws receivables.api.ConflictException when another node is doing that day's run right now
     */
    DunningRun run(TenantId tenant, LocalDate date);

    Optional<DunningRun> find(TenantId tenant, LocalDate date);

    /** The customer's notices, newest first. */
    List<DunningNotice> notices(TenantId tenant, UUID customerId);

    /** When the tenant's daily run starts, in the tenant's time zone; 06:00 when the tenant has set nothing. */
    DunningSchedule schedule(TenantId tenant);

    /**
     * Sets when the tenant's daily run starts, to the minute.
     *
     * @throws receivables.api.InvalidRequestException naming {@code runAt} when it is missing
     */
    DunningSchedule schedule(TenantId tenant, DunningSchedule schedule);
}
