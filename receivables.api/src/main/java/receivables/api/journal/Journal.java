package receivables.api.journal;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * The journal of one tenant: read-only, written by the business events themselves.
 */
@ProviderType
public interface Journal {

    /**
     * The entries about {@code reference} in the order they were written: an invoice number, a credit note number,
     * a payment number, or a payment's id (its entries are found by its number).
     */
    List<JournalEntry> entriesFor(TenantId tenant, String reference);
}
