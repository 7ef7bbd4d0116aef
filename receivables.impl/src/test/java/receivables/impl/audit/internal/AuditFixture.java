package receivables.impl.audit.internal;

import receivables.impl.persistence.internal.Database;

public final class AuditFixture {

    private AuditFixture() {
    }

    public static StoredAuditTrail trail(Database database) {
        StoredAuditTrail trail = new StoredAuditTrail();
        trail.database = database;
        return trail;
    }
}
