package receivables.api.statement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A credit line matching could not place with enough confidence, waiting for a clerk.
 *
 * @param account     the statement's account the money arrived on
 * @param line        the line as the bank stated it
 * @param candidates  the best candidates found, surest first; empty when none
 * @param paymentId   the payment recorded once {@link SuspenseStatus#MATCHED}, else {@code null}
 * @param resolution  what the clerk did: the invoice or customer matched, or the reason for dismissing
 */
public record SuspenseItem(UUID id, UUID importId, SuspenseStatus status, String account, StatementLine line,
        List<MatchCandidate> candidates, UUID paymentId, String resolution, Instant createdAt, Instant resolvedAt) {

    public SuspenseItem {
        candidates = List.copyOf(candidates);
    }
}
