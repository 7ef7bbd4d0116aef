package receivables.api.audit;

import java.time.Instant;

/**
 * Which records to list; every criterion is optional and they combine.
 *
 * @param entityType e.g. {@code customer}
 * @param entityId   one thing's id; meaningful with {@code entityType}
 * @param actorId    the credential's or person's id
 * @param from       recorded at or after
 * @param to         recorded before
 */
public record AuditQuery(String entityType, String entityId, String actorId, Instant from, Instant to) {

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null);
    }
}
