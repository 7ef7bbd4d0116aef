package receivables.api.collections;

import java.time.Instant;
import java.util.UUID;

/** A customer's dispute of an invoice: its installments are not dunned while it is open. */
public record Dispute(UUID id, UUID invoiceId, String reason, Instant openedAt, Instant resolvedAt, String resolution) {

    public boolean open() {
        return resolvedAt == null;
    }
}
