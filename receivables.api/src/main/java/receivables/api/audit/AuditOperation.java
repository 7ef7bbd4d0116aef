package receivables.api.audit;

/** What happened to the audited thing. */
public enum AuditOperation {
    CREATED, CHANGED, DELETED
}
