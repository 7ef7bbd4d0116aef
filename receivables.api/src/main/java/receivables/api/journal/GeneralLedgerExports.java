package receivables.api.journal;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * Journal exports per month and general ledger, pulled by the ledger's side; beside the pushed
 * {@link receivables.api.host.JournalSink}, which tracks its own deliveries.
 */
@ProviderType
public interface GeneralLedgerExports {

    /**
     * The export of {@code period} to {@code sink}: made now when there is none, else the one made before, unchanged.
     *
     * @param sink   1 to 64 letters, digits, '.', '_' or '-'
     * @param period a month that has ended
     * @throws receivables.api.InvalidRequestException naming {@code sink} or {@code period}
     */
    GeneralLedgerExport export(TenantId tenant, String sink, YearMonth period);

    Optional<GeneralLedgerExport> find(TenantId tenant, UUID id);

    /** The exports to {@code sink} (all sinks when {@code null}), newest month first, without their entries. */
    List<GeneralLedgerExport> list(TenantId tenant, String sink);
}
