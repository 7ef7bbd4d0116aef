package receivables.api.host;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import receivables.api.TenantId;
import receivables.api.journal.JournalEntry;

/**
 * Where the host's general ledger takes receivables' journal entries from. Every entry posted reaches every
 * registered sink at least once, in the order entries were posted (entries committed concurrently may arrive
 * in either order), also entries posted while the sink was not installed: delivery is tracked per sink id in
 * the database, so it survives restarts and continues where it stopped.
 */
@ConsumerType
public interface JournalSink {

    /** Stable id under which deliveries are tracked, e.g. {@code gl-export}; a new id starts from the first entry. */
    String id();

    /**
     * Takes a batch of one tenant's entries. An entry may come again (after a failure, or from two nodes at once):
     * keep it once by its {@link JournalEntry#id()}.
     *
     * @throws Exception to have the batch delivered again later
     */
    void accept(TenantId tenant, List<JournalEntry> entries) throws Exception;
}
