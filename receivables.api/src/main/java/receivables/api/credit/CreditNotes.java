package receivables.api.credit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * Credit notes of one tenant at a time. A credit note only ever credits what is still open on its invoice:
 * what was paid is not given back by a credit note.
 */
@ProviderType
public interface CreditNotes {

    /**
     * Issues a credit note on an issued invoice: numbers it, takes the amount off the open installments latest
     * due first (the customer keeps paying the earliest) and writes its journal entry, in one transaction. A
     * credit note that credits the whole invoice cancels it; one that credits the rest of a partly paid invoice
     * settles it as paid.
     *
     * @throws receivables.api.InvalidRequestException on a missing reason or date, a non-positive amount, one in
     *         another currency or more than is open; nothing is stored
     * @throws receivables.api.NotFoundException when the invoice does not exist
     * @throws receivables.api.ConflictException when the invoice is a draft, canceled, or has nothing open
     */
    CreditNote issue(TenantId tenant, UUID invoiceId, CreditNoteRequest request);

    /**
     * Issues a credit note as {@link #issue(TenantId, UUID, CreditNoteRequest)} does, once per idempotency key: the
     * same key again returns the credit note issued under it, so that a retried request never credits twice.
     *
     * @param idempotencyKey at most 128 characters; {@code null} for none
     * @throws receivables.api.ConflictException also when the key was used for another invoice or amount
     */
    CreditNote issue(TenantId tenant, UUID invoiceId, CreditNoteRequest request, String idempotencyKey);

    Optional<CreditNote> find(TenantId tenant, UUID creditNoteId);

    /**
     * The invoice's credit notes in the order they were issued.
     *
     * @throws receivables.api.NotFoundException when the invoice does not exist
     */
    List<CreditNote> forInvoice(TenantId tenant, UUID invoiceId);
}
