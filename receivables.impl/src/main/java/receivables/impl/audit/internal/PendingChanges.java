package receivables.impl.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.JDBCException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;

/**
 * The changes of one transaction, appended to the tenant's chain after its last flush and before its commit, on its
 * own connection. Rolled back, they are dropped with it.
 */
final class PendingChanges implements BeforeCompletionCallback, AfterCompletionCallback {

    private final CallerContext caller;
    private final Runnable done;
    private final List<RecordedChange> changes = new ArrayList<>();

    PendingChanges(CallerContext caller, Runnable done) {
        this.caller = caller;
        this.done = done;
    }

    synchronized void add(RecordedChange change) {
        changes.add(change);
    }

    @Override
    public synchronized void doBeforeTransactionCompletion(SharedSessionContractImplementor session) {
        if (changes.isEmpty()) {
            return;
        }
        Connection connection = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
        try {
            AuditChain.append(connection, session.getTenantIdentifier(), caller, changes);
        } catch (SQLException e) {
            throw new JDBCException("the audit trail could not be written", e);
        }
    }

    @Override
    public void doAfterTransactionCompletion(boolean successful, SharedSessionContractImplementor session) {
        done.run();
    }
}
