package receivables.impl.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.audit.AuditQuery;
import receivables.api.audit.AuditRecord;
import receivables.api.audit.AuditTrail;
import receivables.api.audit.ChainVerification;
import receivables.impl.audit.internal.AuditChain.Head;
import receivables.impl.audit.internal.AuditChain.StoredRecord;
import receivables.impl.persistence.internal.Database;

/**
 * Reads the trail with plain SQL, always restricted to the tenant asked about, and verifies its chain in batches,
 * each in a transaction of its own, so that a long trail is neither held in memory nor in one long transaction.
 */
@Component(service = { AuditTrail.class, StoredAuditTrail.class })
public class StoredAuditTrail implements AuditTrail {

    static final int BATCH = 500;

    private final Database database;

    @Activate
    public StoredAuditTrail(@Reference Database database) {
        this.database = database;
    }

    @Override
    public Page<AuditRecord> find(TenantId tenant, AuditQuery query, PageRequest page) {
        return database.inTransaction(tenant, session -> session.doReturningWork(connection -> {
            Filter filter = Filter.of(tenant, query);
            long total;
            try (PreparedStatement count = filter.prepare(connection, "select count(*) from audit_record", "")) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<AuditRecord> records = new ArrayList<>();
            try (PreparedStatement select = filter.prepare(connection, "select " + AuditChain.COLUMNS + " from audit_record",
                    " order by sequence_number limit " + page.size() + " offset " + page.offset())) {
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        records.add(AuditChain.read(rows).record());
                    }
                }
            }
            return new Page<>(records, page.page(), page.size(), total);
        }));
    }

    @Override
    public void forEach(TenantId tenant, AuditQuery query, Consumer<AuditRecord> action) {
        long after = 0;
        while (true) {
            List<StoredRecord> batch = batchAfter(tenant, query, after, Long.MAX_VALUE);
            batch.forEach(stored -> action.accept(stored.record()));
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).record().sequence();
        }
    }

    @Override
    public ChainVerification verify(TenantId tenant) {
        Head head = database.inTransaction(tenant, session -> session.doReturningWork(
                connection -> AuditChain.head(connection, tenant.value(), false)));
        if (head == null) {
            return ChainVerification.intact(0);
        }
        long checked = 0;
        long expected = 1;
        String previousHash = AuditChain.GENESIS;
        while (expected <= head.sequence()) {
            List<StoredRecord> batch = batchAfter(tenant, AuditQuery.everything(), expected - 1, head.sequence());
            if (batch.isEmpty()) {
                break;
            }
            for (StoredRecord stored : batch) {
                AuditRecord record = stored.record();
                if (record.sequence() != expected) {
                    return ChainVerification.broken(checked, expected, "record " + expected + " is missing");
                }
                checked++;
                if (!record.previousHash().equals(previousHash)) {
                    return ChainVerification.broken(checked, expected, "record " + expected
                            + " does not follow the record before it (previous hash differs)");
                }
                if (!AuditChain.hash(tenant.value(), record, stored.changesJson()).equals(record.hash())) {
                    return ChainVerification.broken(checked, expected, "record " + expected
                            + " was changed after it was written (its content no longer matches its hash)");
                }
                previousHash = record.hash();
                expected++;
            }
        }
        if (expected <= head.sequence()) {
            return ChainVerification.broken(checked, expected, "records " + expected + " to " + head.sequence()
                    + " are missing");
        }
        if (!previousHash.equals(head.hash())) {
            return ChainVerification.broken(checked, head.sequence(), "record " + head.sequence()
                    + " is not the one the chain's head names");
        }
        return ChainVerification.intact(checked);
    }

    private List<StoredRecord> batchAfter(TenantId tenant, AuditQuery query, long after, long upTo) {
        return database.inTransaction(tenant, session -> session.doReturningWork(connection -> {
            Filter filter = Filter.of(tenant, query);
            List<StoredRecord> batch = new ArrayList<>(BATCH);
            try (PreparedStatement select = filter.prepare(connection, "select " + AuditChain.COLUMNS + " from audit_record",
                    " and sequence_number > " + after + " and sequence_number <= " + upTo
                            + " order by sequence_number limit " + BATCH)) {
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        batch.add(AuditChain.read(rows));
                    }
                }
            }
            return batch;
        }));
    }

    /** The where clause of a query, always starting with the tenant. */
    private record Filter(String where, List<Object> parameters) {

        static Filter of(TenantId tenant, AuditQuery query) {
            StringBuilder where = new StringBuilder(" where tenant_id = ?");
            List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
            if (query.entityType() != null) {
                where.append(" and entity_type = ?");
                parameters.add(query.entityType());
            }
            if (query.entityId() != null) {
                where.append(" and entity_id = ?");
                parameters.add(query.entityId());
            }
            if (query.actorId() != null) {
                where.append(" and actor_id = ?");
                parameters.add(query.actorId());
            }
            if (query.from() != null) {
                where.append(" and recorded_at >= ?");
                parameters.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
            }
            if (query.to() != null) {
                where.append(" and recorded_at < ?");
                parameters.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
            }
            return new Filter(where.toString(), parameters);
        }

        PreparedStatement prepare(Connection connection, String select, String rest) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(select + where + rest);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }
    }
}
