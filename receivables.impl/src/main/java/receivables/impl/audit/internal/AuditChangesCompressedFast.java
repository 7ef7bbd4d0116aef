package receivables.impl.audit.internal;

import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;

import receivables.impl.persistence.internal.SchemaMigration;

/**
 * Migration 45: on PostgreSQL, an audit record's changes are compressed with lz4 instead of pglz. An invoice's record
 * (its lines and installments included) is over the 2 KB from which PostgreSQL compresses a row, so every record of
 * a billing run is compressed as it is written, and pglz takes the server several times as long as lz4. Records written
 * before keep their pglz values, which PostgreSQL reads as before. A server built without lz4 keeps pglz; H2 has no
 * such setting.
 */
public final class AuditChangesCompressedFast extends SchemaMigration {

    public AuditChangesCompressedFast() {
        super("45", "audit changes compressed with lz4");
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!postgres(context.getConnection())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            boolean lz4;
            try (ResultSet row = statement.executeQuery("select 'lz4' = any(enumvals) from pg_settings"
                    + " where name = 'default_toast_compression'")) {
                lz4 = row.next() && row.getBoolean(1);
            }
            if (lz4) {
                statement.execute("alter table audit_record alter column changes set compression lz4");
            }
        }
    }
}
