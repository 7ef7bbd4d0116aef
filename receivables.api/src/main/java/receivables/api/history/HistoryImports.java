package receivables.api.history;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * Imports another system's history. A file is read once as it arrives and checked whole: every record, every
 * reference between records, and every source id an earlier import stored (the same record again is left as it
 * is, a changed one is refused). Only a valid file is kept and stored, in the background, in batches that record
 * the progress; paid invoices keep their dates and post nothing to the journal, open ones are journalled as
 * opening balances.
 */
@ProviderType
public interface HistoryImports {

    /**
     * Reads {@code content} (to its end, not closed) in {@code format}, checks it and starts storing it.
     *
     * @throws receivables.api.InvalidRequestException naming each wrong field as {@code line <n>: <field>} (at
     *         most {@value #MAX_VIOLATIONS} of them); nothing is stored
     */
    HistoryImport start(TenantId tenant, HistoryFormat format, InputStream content);

    Optional<HistoryImport> find(TenantId tenant, UUID importId);

    /** How many wrong fields a refused file names at most; the rest are left unsaid. */
    int MAX_VIOLATIONS = 100;
}
