package receivables.impl.persistence.internal;

import java.sql.Statement;

import org.hibernate.Session;

/**
 * Reads that take a large part of one tenant's rows (its open invoices for matching, its invoices with an overdue
 * installment). Without statistics PostgreSQL guesses an equality on {@code tenant_id} at half a percent of the
 * table, takes the tenant's thousands of rows for a handful, and joins them by an index lookup per row in a loop:
 * fifty times the pages of the plan it makes once the tables are analyzed, which hashes the join and reads each
 * table in its own order. Here that plan is the only one left to it, for the rest of the transaction, whatever the
 * statistics say; its work grows with the tenant's rows, never with their product. H2 has no such settings.
 */
public final class WholeTenantReads {

    private WholeTenantReads() {
    }

    /** Joins by hashing, and reads tables by bitmap or in full, for the rest of the session's transaction. */
    public static void hashed(Session session) {
        session.doWork(connection -> {
            if (SchemaMigration.postgres(connection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local enable_nestloop = off");
                    statement.execute("set local enable_indexscan = off");
                }
            }
        });
    }
}
