package receivables.impl.audit.internal;

import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;

import receivables.impl.persistence.internal.SchemaMigration;

/**
 * Migration 17: on PostgreSQL, a trigger refuses every update and delete of an audit record, whoever asks. H2
 * runs triggers only as Java classes on its own class path, which an OSGi bundle cannot offer it; there the
 * trail is append-only because no code path changes it, and the hash chain shows it if someone does.
 */
public final class AuditRecordsAppendOnly extends SchemaMigration {

    public AuditRecordsAppendOnly() {
        super("17", "audit records append only");
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!postgres(context.getConnection())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("create function audit_record_refuse_change() returns trigger language plpgsql as $$ "
                    + "begin raise exception 'audit records are append-only: % refused', tg_op "
                    + "using errcode = 'insufficient_privilege'; end $$");
            statement.execute("create trigger audit_record_append_only before update or delete or truncate "
                    + "on audit_record for each statement execute function audit_record_refuse_change()");
        }
    }
}
