package receivables.impl.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

import org.hibernate.jdbc.ReturningWork;

import receivables.api.ConflictException;
import receivables.api.TenantId;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.SchemaMigration;

/**
 * Token buckets in the table {@code request_allowance}, shared by every node on the database. A bucket is kept as
 * the moment it is full again (the generic cell rate algorithm): each unit taken moves that moment on by one
 * interval, and a unit is granted while the moment lies less than the capacity's worth of intervals ahead. One
 * statement reads and moves it ({@code insert … on conflict … do update … returning} on PostgreSQL, a {@code merge}
 * read through {@code final table} on H2), so that two nodes taking from one bucket at once never lose a unit.
 */
final class RequestAllowances {

    private static final String POSTGRES = "insert into request_allowance as a"
            + " (tenant_id, kind, subject, full_at_micros, granted) values (?, ?, ?, ?, true)"
            + " on conflict (tenant_id, kind, subject) do update set " + moves("a") + " returning full_at_micros, granted";

    private static final String H2 = "select full_at_micros, granted from final table (merge into request_allowance a"
            + " using (values (cast(? as varchar(64)), cast(? as varchar(64)), cast(? as varchar(64))))"
            + " k (tenant_id, kind, subject) on a.tenant_id = k.tenant_id and a.kind = k.kind and a.subject = k.subject"
            + " when matched then update set " + moves("a")
            + " when not matched then insert (tenant_id, kind, subject, full_at_micros, granted)"
            + " values (k.tenant_id, k.kind, k.subject, ?, true))";

    /**
     * The update of a bucket that exists: granted when the moment it is full, brought up to now, is no later than
     * the threshold; then it moves on by one interval. A refusal moves it on by the penalty, never beyond the ceiling.
     * Parameters: now, threshold, now, interval, now, penalty, ceiling, now, threshold.
     */
    private static String moves(String row) {
        String from = "greatest(" + row + ".full_at_micros, ?)";
        return "full_at_micros = case when " + from + " <= ? then " + from + " + ? else least(" + from + " + ?, ?) end,"
                + " granted = " + from + " <= ?";
    }

    /**
     * What one take left.
     *
     * @param granted    whether the unit was granted
     * @param waitMicros how long until the next unit would be granted; zero or less while units are left
     */
    record Take(boolean granted, long waitMicros) {
    }

    /**
     * A kind of allowance: at most {@code capacity} units at once, one more every {@code intervalMicros}; a refused
     * take costs {@code refusalCosts} units too (one for failed authentications, so that nodes that do not know yet
     * that an address ran out cannot go on checking its guesses for free; none for notifications).
     */
    record Kind(String name, long capacity, long intervalMicros, int refusalCosts) {

        Kind {
            if (capacity < 1 || intervalMicros < 1) {
                throw new IllegalArgumentException("an allowance needs a capacity and an interval of at least 1");
            }
        }

        /** The kind's key in the table: its name and limits, so that buckets counted under other limits are not met. */
        String key() {
            return name + ":" + capacity + ":" + intervalMicros;
        }
    }

    private final Database database;

    RequestAllowances(Database database) {
        this.database = database;
    }

    /**
     * Takes a unit from the tenant's bucket of {@code subject} at {@code nowMicros} by this node's clock.
     *
     * @throws receivables.impl.persistence.internal.DatabaseUnavailableException when the database is away
     */
    Take take(TenantId tenant, Kind kind, String subject, long nowMicros) {
        return take(tenant.value(), kind, subject, nowMicros);
    }

    /** As {@link #take(TenantId, Kind, String, long)}, from the installation's bucket: counted before a tenant is known. */
    Take takeForInstallation(Kind kind, String subject, long nowMicros) {
        return take(HibernateDatabase.INSTALLATION, kind, subject, nowMicros);
    }

    /** Deletes the tenant's buckets that are full by {@code nowMicros}: one missing is the same. */
    int forgetFull(TenantId tenant, long nowMicros) {
        return forgetFull(tenant.value(), nowMicros);
    }

    /** As {@link #forgetFull(TenantId, long)}, for the installation's buckets. */
    int forgetFullForInstallation(long nowMicros) {
        return forgetFull(HibernateDatabase.INSTALLATION, nowMicros);
    }

    private Take take(String tenantKey, Kind kind, String subject, long nowMicros) {
        long interval = kind.intervalMicros();
        long threshold = nowMicros + (kind.capacity() - 1) * interval;
        long ceiling = nowMicros + 2 * kind.capacity() * interval;
        String hashed = hash(subject);
        ReturningWork<Take> take = connection -> take(connection, tenantKey, kind.key(), hashed, nowMicros, threshold,
                interval, kind.refusalCosts() * interval, ceiling);
        try {
            return run(tenantKey, take);
        } catch (ConflictException anotherNodeInsertedFirst) {
            // Only H2's merge can race on the first insert of a bucket; the row exists now.
            return run(tenantKey, take);
        }
    }

    /** Runs {@code work} in the tenant's transaction, or the installation's; the statements name the rows' tenant. */
    private <T> T run(String tenantKey, ReturningWork<T> work) {
        Database.Work<T> transaction = (session, tx) -> session.doReturningWork(work);
        return HibernateDatabase.INSTALLATION.equals(tenantKey) ? database.inInstallationTransaction(transaction)
                : database.inTransaction(new TenantId(tenantKey), transaction);
    }

    private static Take take(Connection connection, String tenantKey, String kind, String subject, long now,
            long threshold, long interval, long penalty, long ceiling) throws SQLException {
        boolean postgres = SchemaMigration.postgres(connection);
        try (PreparedStatement statement = connection.prepareStatement(postgres ? POSTGRES : H2)) {
            int at = 1;
            statement.setString(at++, tenantKey);
            statement.setString(at++, kind);
            statement.setString(at++, subject);
            if (postgres) {
                statement.setLong(at++, now + interval);
            }
            for (long value : new long[] { now, threshold, now, interval, now, penalty, ceiling, now, threshold }) {
                statement.setLong(at++, value);
            }
            if (!postgres) {
                statement.setLong(at, now + interval);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Take(row.getBoolean(2), row.getLong(1) - threshold);
            }
        }
    }

    private int forgetFull(String tenantKey, long nowMicros) {
        return run(tenantKey, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "delete from request_allowance where tenant_id = ? and full_at_micros <= ?")) {
                statement.setString(1, tenantKey);
                statement.setLong(2, nowMicros);
                return statement.executeUpdate();
            }
        });
    }

    /** The subject as 64 hex digits, whatever it was: addresses and provider names come from the request. */
    static String hash(String subject) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
