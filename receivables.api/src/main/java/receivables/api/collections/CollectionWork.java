package receivables.api.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.PageRequest;
import receivables.api.TenantId;

/**
 * Disputes, promises to pay, collection tasks, collectors' activities and worklists of one tenant at a time.
 */
@ProviderType
public interface CollectionWork {

    /**
     * Opens a dispute on the invoice; an open one is answered as it is.
     *
     * @throws receivables.api.NotFoundException when the invoice does not exist
     * @throws receivables.api.InvalidRequestException when the reason is missing
     */
    Dispute openDispute(TenantId tenant, UUID invoiceId, String reason);

    /**
     * Resolves the invoice's open dispute; dunning takes the invoice up again.
     *
     * @throws receivables.api.NotFoundException when the invoice has no open dispute
     */
    Dispute resolveDispute(TenantId tenant, UUID invoiceId, String resolution);

    List<Dispute> disputes(TenantId tenant, UUID invoiceId);

    /**
     * Records a promise to pay {@code amount} by {@code promisedFor}, in the customer's currency.
     *
     * @throws receivables.api.InvalidRequestException naming the field that is wrong
     * @throws receivables.api.NotFoundException when the customer does not exist
     */
    PromiseToPay promise(TenantId tenant, UUID customerId, BigDecimal amount, LocalDate promisedFor, String note);

    List<PromiseToPay> promises(TenantId tenant, UUID customerId);

    /** The tasks not done yet, oldest first. */
    List<CollectionTask> openTasks(TenantId tenant);

    /**
     * Logs a contact with the customer by {@code actor}; a promised amount and date record a promise to pay with it.
     *
     * @throws receivables.api.InvalidRequestException naming the field that is wrong
     * @throws receivables.api.NotFoundException when the customer does not exist
     */
    CollectionActivity log(TenantId tenant, UUID customerId, String actor, ActivityRequest request);

    /** The customer's logged activities, newest first. */
    List<CollectionActivity> activities(TenantId tenant, UUID customerId);

    /**
     * The customer's notices, logged activities, promises to pay made on their own and disputes opened and resolved on
     * its invoices, newest first, one page of them.
     *
     * @throws receivables.api.NotFoundException when the customer does not exist
     */
    List<TimelineEntry> timeline(TenantId tenant, UUID customerId, PageRequest page);

    /**
     * The customers with items past due on {@code asOf}, per currency, highest priority first (what is open times days
     * past due, added up); only those assigned to {@code collector} unless it is null.
     */
    List<WorklistEntry> worklist(TenantId tenant, LocalDate asOf, String collector);

    /**
     * Kept, broken and open promises to pay due from {@code from} to {@code to} inclusive, and what was collected in
     * that time, per collector and currency; only {@code collector}'s row(s) unless it is null.
     *
     * @throws receivables.api.InvalidRequestException when a date is missing, {@code to} is before {@code from} or
     *                                                 the period is longer than allowed
     */
    CollectorReport collectorReport(TenantId tenant, LocalDate from, LocalDate to, String collector);
}
