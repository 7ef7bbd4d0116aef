package receivables.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * One change, as recorded in the same transaction as the change itself.
 *
 * @param sequence      position in the tenant's chain, from 1 without gaps
 * @param recordedAt    when the change was committed (to the microsecond)
 * @param actor         who made it
 * @param clientAddress the address the request came from; {@code null} for background work
 * @param requestId     the request's {@code X-Request-Id}; {@code null} for background work
 * @param entityType    what was changed, e.g. {@code customer}, {@code invoice}, {@code tenant-settings}
 * @param entityId      which one
 * @param operation     created, changed or deleted
 * @param changes       the fields that changed, before and after
 * @param previousHash  the hash of the record before it in the chain (64 zeros for the first)
 * @param hash          SHA-256 over {@code previousHash} and this record's canonical content, hex
 */
public record AuditRecord(long sequence, Instant recordedAt, Actor actor, String clientAddress, String requestId,
        String entityType, String entityId, AuditOperation operation, List<FieldChange> changes, String previousHash,
        String hash) {

    public AuditRecord {
        changes = List.copyOf(changes);
    }
}
