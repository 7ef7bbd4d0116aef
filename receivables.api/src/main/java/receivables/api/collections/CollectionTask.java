package receivables.api.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Work a dunning run hands to people: a case to escalate to a collection stage, or a broken promise to follow up.
 *
 * @param stage {@code null} for a broken promise
 */
public record CollectionTask(UUID id, UUID customerId, CollectionStage stage, String reason, LocalDate due,
        Instant createdAt, Instant doneAt) {
}
