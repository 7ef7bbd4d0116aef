package receivables.api.invoice;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.PageWithTotals;
import receivables.api.TenantId;

/**
 * Invoices of one tenant at a time.
 */
@ProviderType
public interface Invoices {

    /**
     * A draft invoice for a confirmed order; the same order id again returns the invoice it already has.
     *
     * @throws receivables.api.InvalidRequestException when the order is incomplete or inconsistent; nothing is stored
     * @throws receivables.api.NotFoundException when the customer does not exist
     */
    Invoice createFromOrder(TenantId tenant, SalesOrder order);

    /**
     * Issues a draft: assigns the next number of the issue year, computes the installments from the payment
     * terms and writes the journal entry. Issuing an issued invoice again changes nothing.
     *
     * @throws receivables.api.ConflictException when the invoice is canceled
     */
    Invoice issue(TenantId tenant, UUID invoiceId, LocalDate issueDate);

    Optional<Invoice> find(TenantId tenant, UUID invoiceId);

    /** Invoices ordered by issue date (drafts last), then number. */
    Page<Invoice> list(TenantId tenant, InvoiceQuery query, PageRequest page);

    /** As {@link #list}, with the count, gross and open per currency over every invoice the query matches. */
    PageWithTotals<Invoice, InvoiceTotal> listWithTotals(TenantId tenant, InvoiceQuery query, PageRequest page);
}
