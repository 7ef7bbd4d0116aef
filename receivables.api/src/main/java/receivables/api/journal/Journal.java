package receivables.api.journal;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * The journal of one tenant: read-only, written by the business events themselves.
 */
@ProviderType
public interface Journal {

    /** The entries about {@code reference} (an invoice number, a payment id) in the order they were written. */
    List<JournalEntry> entriesFor(TenantId tenant, String reference);
}
