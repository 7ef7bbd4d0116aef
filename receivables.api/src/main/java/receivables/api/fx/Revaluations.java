package receivables.api.fx;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/** Period-end revaluations of one tenant's open receivables in other currencies. */
@ProviderType
public interface Revaluations {

    /**
     * Values what is open now in every other currency at the rate in force on {@code asOf} and journals the
     * differences. One revaluation per day: the same day again returns the first.
     *
     * @throws receivables.api.InvalidRequestException when {@code asOf} is missing or in the future, or a
     *         currency with open receivables has no rate on or before it; nothing is stored
     */
    Revaluation revalue(TenantId tenant, LocalDate asOf);

    Optional<Revaluation> find(TenantId tenant, UUID revaluationId);

    /** The tenant's revaluations, latest day first. */
    List<Revaluation> list(TenantId tenant);
}
