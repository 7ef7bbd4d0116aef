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

    /**
     * Lets PostgreSQL sum a tenant's rows per customer in parallel workers for the rest of the transaction. Each
     * worker passes its partial sums to the leader, a few rows per customer. PostgreSQL expects far more (130,000
     * from each worker of the aging report over 1,000,000 installments of 50,000 customers, where there were 17,000)
     * and prices passing them at {@code parallel_tuple_cost} (0.1 a row) above what the workers save, so it reads
     * alone. At a tenth of that price it takes the workers: on 2 cores the aging report's query over 1,000,000
     * installments took 0.94 instead of 1.31 s as of a past day, 0.82 instead of 1.16 s as of today (psql, medians
     * of ten runs). A tenant of a few rows stays below the size at which PostgreSQL considers workers at all ({@code
     * min_parallel_index_scan_size}).
     */
    public static void summedInParallel(Session session) {
        setOnPostgres(session, "set local parallel_tuple_cost = 0.01");
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
