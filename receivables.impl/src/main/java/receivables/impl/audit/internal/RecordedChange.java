package receivables.impl.audit.internal;

import java.util.List;

import receivables.api.audit.AuditOperation;
import receivables.api.audit.FieldChange;

/** One change waiting for its transaction to commit. */
public record RecordedChange(String entityType, String entityId, AuditOperation operation, List<FieldChange> changes) {

    public RecordedChange {
        changes = List.copyOf(changes);
    }
}
