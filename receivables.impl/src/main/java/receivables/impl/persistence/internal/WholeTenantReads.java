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
        setOnPostgres(session, "set local enable_nestloop = off", "set local enable_indexscan = off");
    }

    /**
     * Runs the rest of the transaction's queries without just-in-time compilation. A read over a whole tenant's
     * rows has a cost estimate past {@code jit_above_cost}, often past {@code jit_inline_above_cost}, so PostgreSQL
     * compiles its expressions anew at every execution: in one EXPLAIN ANALYZE of the aging report over 1,000,000
     * installments on a busy 2-core machine, compiling took 4.0 of its 7.2 s.
     */
    public static void interpreted(Session session) {
        setOnPostgres(session, "set local jit = off");
    }

    private static void setOnPostgres(Session session, String... settings) {
        session.doWork(connection -> {
            if (SchemaMigration.postgres(connection)) {
                try (Statement statement = connection.createStatement()) {
                    for (String setting : settings) {
                        statement.execute(setting);
                    }
                }
            }
        });
    }
}
