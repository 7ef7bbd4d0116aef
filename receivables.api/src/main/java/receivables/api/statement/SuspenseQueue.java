package receivables.api.statement;

import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.payment.Payment;

/**
 * Statement lines waiting for a clerk. Resolving an item is final, and only one of two clerks resolving
 * the same item at once succeeds.
 */
@ProviderType
public interface SuspenseQueue {

    /** Items with {@code status} (all when {@code null}), oldest first. */
    Page<SuspenseItem> list(TenantId tenant, SuspenseStatus status, PageRequest page);

    Optional<SuspenseItem> find(TenantId tenant, UUID itemId);

    /**
     * Records the line as a payment by the invoice's customer, allocated to the invoice up to what is open
     * there; the rest stays as the customer's credit.
     *
     * @throws receivables.api.NotFoundException when the item does not exist
     * @throws receivables.api.InvalidRequestException (field {@code invoiceId}) when the invoice is not open
     *         or not in the line's currency
     * @throws receivables.api.ConflictException when the item is no longer open
     */
    Payment matchToInvoice(TenantId tenant, UUID itemId, UUID invoiceId);

    /**
     * Records the line as a payment by the customer, allocated to the customer's open invoices in the line's
     * currency oldest due first, the rest kept as credit.
     *
     * @throws receivables.api.InvalidRequestException (field {@code customerId}) for an unknown customer
     * @throws receivables.api.ConflictException when the item is no longer open
     */
    Payment matchToCustomer(TenantId tenant, UUID itemId, UUID customerId);

    /**
     * Closes the item without a payment.
     *
     * @throws receivables.api.InvalidRequestException (field {@code reason}) without a reason
     * @throws receivables.api.ConflictException when the item is no longer open
     */
    SuspenseItem dismiss(TenantId tenant, UUID itemId, String reason);
}
