package receivables.impl.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.JDBCException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;

import receivables.api.audit.AuditOperation;
import receivables.api.audit.FieldChange;

/**
 * The changes of one transaction, appended to the tenant's chain after its last flush and before its commit, on its
 * own connection. Rolled back, they are dropped with it. A part's changes join its owner's latest record of the
 * transaction; Hibernate may flush the parts before their owner, so parts without one start a record that the
 * owner's own change then takes over.
 */
final class PendingChanges implements BeforeCompletionCallback, AfterCompletionCallback {

    private final CallerContext caller;
    private final KnownHeads known;
    private final Runnable done;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<List<String>, Entry> latest = new HashMap<>();

    PendingChanges(CallerContext caller, KnownHeads known, Runnable done) {
        this.caller = caller;
        this.known = known;
        this.done = done;
    }

    synchronized void add(RecordedChange change) {
        List<String> owner = List.of(change.entityType(), change.entityId());
        Entry partsOnly = latest.get(owner);
        if (partsOnly != null && partsOnly.operation == null) {
            partsOnly.operation = change.operation();
            partsOnly.fields.addAll(0, change.changes());
            return;
        }
        Entry entry = new Entry(change.entityType(), change.entityId(), change.operation(), change.changes());
        entries.add(entry);
        latest.put(owner, entry);
    }

    /** Adds the changes of a part to its owner's latest record of this transaction. */
    synchronized void addPart(String ownerType, String ownerId, List<FieldChange> fields) {
        latest.computeIfAbsent(List.of(ownerType, ownerId), owner -> {
            Entry entry = new Entry(ownerType, ownerId, null, List.of());
            entries.add(entry);
            return entry;
        }).fields.addAll(fields);
    }

    @Override
    public synchronized void doBeforeTransactionCompletion(SharedSessionContractImplementor session) {
        if (entries.isEmpty()) {
            return;
        }
        List<RecordedChange> changes = entries.stream().map(Entry::change).toList();
        Connection connection = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
        try {
            AuditChain.append(connection, session.getTenantIdentifier(), caller, changes, known);
        } catch (SQLException e) {
            throw new JDBCException("the audit trail could not be written", e);
        }
    }

    @Override
    public void doAfterTransactionCompletion(boolean successful, SharedSessionContractImplementor session) {
        if (!successful && !entries.isEmpty()) {
            known.rolledBack(session.getTenantIdentifier());
        }
        done.run();
    }

    /** One record in the making; without an operation while only its owner's parts changed. */
    private static final class Entry {

        final String type;
        final String id;
        AuditOperation operation;
        final List<FieldChange> fields;

        Entry(String type, String id, AuditOperation operation, List<FieldChange> fields) {
            this.type = type;
            this.id = id;
            this.operation = operation;
            this.fields = new ArrayList<>(fields);
        }

        RecordedChange change() {
            return new RecordedChange(type, id, operation == null ? AuditOperation.CHANGED : operation, fields);
        }
    }
}
