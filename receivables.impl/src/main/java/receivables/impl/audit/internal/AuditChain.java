package receivables.impl.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import receivables.api.audit.Actor;
import receivables.api.audit.AuditOperation;
import receivables.api.audit.AuditRecord;
import receivables.api.audit.FieldChange;
import receivables.impl.persistence.internal.BulkInsert;
import receivables.impl.persistence.internal.SchemaMigration;

/**
 * A tenant's audit records as a hash chain: each record's hash is SHA-256 over the previous record's hash and its
 * own canonical content, so changing, removing or reordering a stored record breaks every hash after it. Writers
 * of one tenant take turns on the row lock of the tenant's chain head, so the chain never forks.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final String DUPLICATE_KEY = "23505";
    static final String COLUMNS = "sequence_number, recorded_at, actor_kind, actor_id, client_address, request_id, "
            + "entity_type, entity_id, operation, changes, previous_hash, record_hash";
    /** A billing batch's records in one statement: 13 parameters a row stay far below PostgreSQL's 65,535. */
    static final int ROWS_PER_INSERT = 500;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT = "insert into audit_record (tenant_id, " + COLUMNS + ") values ";
    private static final List<String> RECORD_COLUMNS = Stream.concat(Stream.of("tenant_id"),
            Arrays.stream(COLUMNS.split(", "))).toList();
    /**
     * From how many records PostgreSQL takes them by COPY after the head's own update, two round trips, instead of
     * with that update in one insert: the hundreds of a billing or import batch cost the server less copied than
     * parsed as one statement; a payment's few records are not worth a second round trip under the head's lock.
     */
    static final int COPIED_FROM = 100;
    /**
     * Values left out when null, as most befores of a creation are. Verification hashes the stored text, so records
     * written with the nulls spelled out still verify.
     */
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };
    /** The mapper's hexadecimal digits for a control character's escape. */
    private static final String HEX = "0123456789ABCDEF";

    private AuditChain() {
    }

    /**
     * Appends {@code changes} to the tenant's chain on {@code connection}, inside its open transaction. On H2 the
     * records go in multi-row inserts of up to {@link #ROWS_PER_INSERT}: a billing batch writes hundreds, and one statement
     * per record cost the server more than the records themselves.
     *
     * <p>On PostgreSQL the head's update and the insert are one statement (from {@link #COPIED_FROM} records the update
     * comes first and the records are copied), which inserts nothing unless the head is still the one the records
     * were chained to; that update takes the head's row lock, so whoever finds
     * the head as expected appends while everybody else waits or finds it changed. The head this node last wrote,
     * from {@code known}, is tried first without locking, which saves the lock's round trip for the next
     * transaction of a tenant that writes alone (a billing run's batches); when another writer came between, the
     * statement inserts nothing and the chain is appended after the head read under its lock, as on H2.
     */
    static void append(Connection connection, String tenant, CallerContext caller, List<RecordedChange> changes,
            KnownHeads known) throws SQLException {
        boolean postgres = SchemaMigration.postgres(connection);
        Head expected = postgres ? known.last(tenant) : null;
        if (expected != null) {
            Chained chained = chain(tenant, caller, changes, expected);
            if (insertAfter(connection, tenant, expected, chained)) {
                known.wrote(tenant, chained.head());
                return;
            }
        }
        Head head = lockHead(connection, tenant);
        Chained chained = chain(tenant, caller, changes, head);
        if (postgres) {
            if (!insertAfter(connection, tenant, head, chained)) {
                throw new SQLException("the audit chain head of tenant " + tenant + " changed under its lock");
            }
        } else {
            for (int from = 0; from < chained.rows().size(); from += ROWS_PER_INSERT) {
                insert(connection, INSERT, "", tenant, chained, from);
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update audit_chain_head set last_sequence = ?, last_hash = ? where tenant_id = ?")) {
                update.setLong(1, chained.head().sequence());
                update.setString(2, chained.head().hash());
                update.setString(3, tenant);
                update.executeUpdate();
            }
        }
        known.wrote(tenant, chained.head());
    }

    /**
     * On PostgreSQL, the records after {@code head}: the head's update and the records in one statement; from
     * {@link #COPIED_FROM} records, the update alone and then the records copied under the head's lock it took.
     *
     * @return false, having written nothing, when the head is no longer {@code head}
     */
    private static boolean insertAfter(Connection connection, String tenant, Head head, Chained chained)
            throws SQLException {
        if (chained.rows().size() >= COPIED_FROM) {
            try (PreparedStatement update = connection.prepareStatement("update audit_chain_head set last_sequence = ?,"
                    + " last_hash = ? where tenant_id = ? and last_sequence = ? and last_hash = ?")) {
                update.setLong(1, chained.head().sequence());
                update.setString(2, chained.head().hash());
                update.setString(3, tenant);
                update.setLong(4, head.sequence());
                update.setString(5, head.hash());
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            BulkInsert records = new BulkInsert("audit_record", RECORD_COLUMNS);
            CallerContext caller = chained.caller();
            for (ChainedRow row : chained.rows()) {
                records.row(tenant, row.sequence(), chained.recordedAt(), caller.actor().kind().name(),
                        caller.actor().id(), caller.clientAddress(), caller.requestId(), row.change().entityType(),
                        row.change().entityId(), row.change().operation().name(), row.changesJson(),
                        row.previousHash(), row.hash());
            }
            records.into(connection);
            return true;
        }
        // fewer than COPIED_FROM rows: one statement holds them all
        return insert(connection, "with head as (update audit_chain_head set last_sequence = ?, last_hash = ?"
                        + " where tenant_id = ? and last_sequence = ? and last_hash = ? returning tenant_id)"
                        + " insert into audit_record (tenant_id, " + COLUMNS + ") select * from (values ",
                ") r where exists (select 1 from head)", tenant, chained, 0, chained.head().sequence(),
                chained.head().hash(), tenant, head.sequence(), head.hash()) > 0;
    }

    /**
     * One multi-row insert of up to {@link #ROWS_PER_INSERT} rows from {@code from}: the rows' values between
     * {@code before} and {@code after}, {@code leading} bound before them.
     */
    private static int insert(Connection connection, String before, String after, String tenant, Chained chained,
            int from, Object... leading) throws SQLException {
        List<ChainedRow> chunk = chained.rows().subList(from, Math.min(chained.rows().size(), from + ROWS_PER_INSERT));
        try (PreparedStatement insert = connection.prepareStatement(before
                + String.join(", ", Collections.nCopies(chunk.size(), ROW)) + after)) {
            int parameter = 0;
            for (Object value : leading) {
                insert.setObject(++parameter, value);
            }
            CallerContext caller = chained.caller();
            for (ChainedRow row : chunk) {
                insert.setString(++parameter, tenant);
                insert.setLong(++parameter, row.sequence());
                insert.setObject(++parameter, chained.recordedAt());
                insert.setString(++parameter, caller.actor().kind().name());
                insert.setString(++parameter, caller.actor().id());
                insert.setString(++parameter, caller.clientAddress());
                insert.setString(++parameter, caller.requestId());
                insert.setString(++parameter, row.change().entityType());
                insert.setString(++parameter, row.change().entityId());
                insert.setString(++parameter, row.change().operation().name());
                insert.setString(++parameter, row.changesJson());
                insert.setString(++parameter, row.previousHash());
                insert.setString(++parameter, row.hash());
            }
            return insert.executeUpdate();
        }
    }

    /** {@code changes} as the records after {@code head}, each hashed over the one before. */
    private static Chained chain(String tenant, CallerContext caller, List<RecordedChange> changes, Head head) {
        // Taken once the head is known (under its lock, or before the update that checks it), so that the order of
        // the chain is also the order of time.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long sequence = head.sequence();
        String hash = head.hash();
        List<ChainedRow> rows = new ArrayList<>(changes.size());
        MessageDigest sha256 = sha256();
        for (RecordedChange change : changes) {
            sequence++;
            String changesJson = json(change.changes());
            String previous = hash;
            hash = hash(sha256, tenant, new AuditRecord(sequence, now, caller.actor(), caller.clientAddress(),
                    caller.requestId(), change.entityType(), change.entityId(), change.operation(), change.changes(),
                    previous, null), changesJson);
            rows.add(new ChainedRow(sequence, change, changesJson, previous, hash));
        }
        return new Chained(caller, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), rows, new Head(sequence, hash));
    }

    /** Records of one caller chained after a head, all recorded at the same instant, and the head after them. */
    private record Chained(CallerContext caller, OffsetDateTime recordedAt, List<ChainedRow> rows, Head head) {
    }

    private record ChainedRow(long sequence, RecordedChange change, String changesJson, String previousHash,
            String hash) {
    }

    /**
     * The tenant's chain head, locked until the transaction ends; created on the tenant's first record. Two first
     * writers may both try to create it: on PostgreSQL the loser's insert does nothing, on H2 (where a failed
     * statement leaves the transaction usable) its duplicate key is ignored; both then wait for the lock.
     */
    private static Head lockHead(Connection connection, String tenant) throws SQLException {
        Head head = head(connection, tenant, true);
        if (head != null) {
            return head;
        }
        boolean postgres = SchemaMigration.postgres(connection);
        try (PreparedStatement create = connection.prepareStatement("insert into audit_chain_head (tenant_id, "
                + "last_sequence, last_hash) values (?, 0, ?)" + (postgres ? " on conflict do nothing" : ""))) {
            create.setString(1, tenant);
            create.setString(2, GENESIS);
            create.executeUpdate();
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
        }
        head = head(connection, tenant, true);
        if (head == null) {
            throw new SQLException("the audit chain head of tenant " + tenant + " could not be created");
        }
        return head;
    }

    /** The tenant's chain head, or {@code null} before its first record. */
    static Head head(Connection connection, String tenant, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select last_sequence, last_hash from "
                + "audit_chain_head where tenant_id = ?" + (lock ? " for update" : ""))) {
            select.setString(1, tenant);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Head(row.getLong(1), row.getString(2)) : null;
            }
        }
    }

    record Head(long sequence, String hash) {
    }

    /** One stored record and the text its hash was computed over. */
    record StoredRecord(AuditRecord record, String changesJson) {
    }

    static StoredRecord read(ResultSet row) throws SQLException {
        String changesJson = row.getString("changes");
        AuditRecord record = new AuditRecord(row.getLong("sequence_number"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                new Actor(Actor.Kind.valueOf(row.getString("actor_kind")), row.getString("actor_id")),
                row.getString("client_address"), row.getString("request_id"), row.getString("entity_type"),
                row.getString("entity_id"), AuditOperation.valueOf(row.getString("operation")), changes(changesJson),
                row.getString("previous_hash"), row.getString("record_hash"));
        return new StoredRecord(record, changesJson);
    }

    /**
     * SHA-256 over the previous hash and the record's canonical content: every field length-prefixed, so that no
     * two different records share a content; instants as microseconds since the epoch, as stored.
     */
    static String hash(String tenant, AuditRecord record, String changesJson) {
        return hash(sha256(), tenant, record, changesJson);
    }

    private static String hash(MessageDigest sha256, String tenant, AuditRecord record, String changesJson) {
        StringBuilder canonical = new StringBuilder(256 + changesJson.length());
        for (String field : new String[] { record.previousHash(), tenant, Long.toString(record.sequence()),
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, record.recordedAt())), record.actor().kind().name(),
                record.actor().id(), record.clientAddress(), record.requestId(), record.entityType(), record.entityId(),
                record.operation().name(), changesJson }) {
            canonical.append(field == null ? -1 : field.length()).append(':').append(field == null ? "" : field).append(';');
        }
        return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A digest for a chain of records: looking the algorithm up was a third of the hashing of a billing run. */
    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The changes as a JSON array of {@code {"field", "before", "after"}} objects without the absent ones, as the
     * mapper writes and reads them, escapes included. Written by hand: every audited flush passes here (a billing
     * run's invoices with all their lines and installments), and a generator per record writing into a
     * {@code StringWriter} took 1.6 times as long (100,000 records of 4,000 characters: 0.55 s against 0.34 s).
     */
    static String json(List<FieldChange> changes) {
        StringBuilder json = new StringBuilder(64 * changes.size() + 2).append('[');
        for (int i = 0; i < changes.size(); i++) {
            FieldChange change = changes.get(i);
            json.append(i == 0 ? "{" : ",{");
            boolean first = member(json, "field", change.field(), true);
            first = member(json, "before", change.before(), first);
            member(json, "after", change.after(), first);
            json.append('}');
        }
        return json.append(']').toString();
    }

    /** Appends the member unless {@code value} is absent; returns whether the object still has no member. */
    private static boolean member(StringBuilder json, String name, String value, boolean first) {
        if (value == null) {
            return first;
        }
        json.append(first ? "\"" : ",\"").append(name).append("\":\"");
        int plain = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            json.append(value, plain, i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> json.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
            plain = i + 1;
        }
        json.append(value, plain, value.length()).append('"');
        return false;
    }

    private static List<FieldChange> changes(String json) {
        try {
            return JSON.readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            // A record whose changes no longer parse has been tampered with; verification names it.
            return List.of(new FieldChange("(unreadable)", null, null));
        }
    }
}
