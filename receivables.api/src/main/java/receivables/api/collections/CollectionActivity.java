package receivables.api.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One contact with a customer, as a collector logged it.
 *
 * @param promiseId the promise to pay recorded with it, or {@code null}
 * @param actor     who logged it (a user's id, or {@code credential:<id>})
 */
public record CollectionActivity(UUID id, UUID customerId, ActivityKind kind, ActivityOutcome outcome, String notes,
        UUID promiseId, String nextAction, LocalDate nextActionOn, String actor, Instant loggedAt) {
}
