package receivables.api.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.PageRequest;
import receivables.api.PageWithTotals;
import receivables.api.TenantId;

/**
 * Payments of one tenant at a time. No payment is ever lost or counted twice: recording is idempotent per
 * key, and allocations never exceed what is open, even under concurrent clerks or nodes.
 */
@ProviderType
public interface Payments {

    /**
     * Records a payment and allocates it, explicitly or oldest due first; the rest stays as customer credit.
     * The same idempotency key with the same details returns the payment already recorded.
     *
     * @throws receivables.api.InvalidRequestException on a non-positive amount, a target in another
     *         currency or of another customer, or more than is open; nothing is stored
     * @throws receivables.api.ConflictException when the key was used for different details
     */
    Payment record(TenantId tenant, PaymentRequest details);

    Optional<Payment> find(TenantId tenant, UUID paymentId);

    /**
     * Payments newest value date first (then newest number), with the count, amount and unallocated credit per
     * currency over every payment the filter matches.
     *
     * @throws receivables.api.InvalidRequestException on a currency that is no ISO 4217 code, or a
     *         {@code valueFrom} after {@code valueTo}
     */
    PageWithTotals<Payment, PaymentTotal> list(TenantId tenant, PaymentFilter filter, PageRequest page);

    /**
     * Takes one allocation back: the installment is open again and the amount returns to the customer's
     * credit. The allocation stays on record, followed by its reversal.
     *
     * @throws receivables.api.NotFoundException when the payment or allocation does not exist
     * @throws receivables.api.ConflictException when the allocation was taken back already
     */
    Payment unallocate(TenantId tenant, UUID paymentId, UUID allocationId, String reason, LocalDate date);

    /**
     * Applies what is left of a payment as credit to open invoices of its customer, explicitly or oldest due
     * first.
     *
     * @throws receivables.api.InvalidRequestException as {@link #record} does for targets
     */
    Payment applyCredit(TenantId tenant, UUID paymentId, List<AllocationTarget> targets, LocalDate date);

    /**
     * Reverses a payment whose money went back: every allocation is taken back and the payment no longer
     * counts. Reversing a reversed payment changes nothing.
     */
    Payment reverse(TenantId tenant, UUID paymentId, String reason, LocalDate date);

    /**
     * Pays money back to the customer out of a payment: first out of its credit (what is not allocated), then,
     * when that is not enough, out of its allocations, newest first, so that the invoices they paid are open
     * again by what went back. Audited as a refund, the allocations taken back and journal entries.
     *
     * @throws receivables.api.InvalidRequestException on a non-positive amount, another currency, or more than
     *         the payment has left
     * @throws receivables.api.ConflictException when the key was used for a different refund, or the payment
     *         was reversed
     */
    PaymentRefund refund(TenantId tenant, UUID paymentId, PaymentRefundRequest refund);

    List<PaymentRefund> refunds(TenantId tenant, UUID paymentId);
}
