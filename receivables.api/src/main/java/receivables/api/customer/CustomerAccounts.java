package receivables.api.customer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.ConflictException;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;

/**
 * Customer master data of one tenant at a time. A tenant never sees another tenant's accounts.
 */
@ProviderType
public interface CustomerAccounts {

    /**
     * @throws InvalidRequestException when a field is missing or malformed; nothing is stored
     * @throws ConflictException when the customer number is already taken in the tenant
     */
    CustomerAccount create(TenantId tenant, CustomerRequest details);

    Optional<CustomerAccount> find(TenantId tenant, UUID id);

    /**
     * Replaces the details of an account.
     *
     * @param expectedVersion the version the client read, or {@code null} to skip the check
     * @throws NotFoundException when the tenant has no such account
     * @throws ConflictException when the account changed since {@code expectedVersion}
     */
    CustomerAccount update(TenantId tenant, UUID id, CustomerRequest details, Long expectedVersion);

    /**
     * Accounts ordered by name regardless of case, then id.
     *
     * @param nameContains case-insensitive filter on the name, or {@code null} for all
     */
    Page<CustomerAccount> list(TenantId tenant, String nameContains, PageRequest page);

    /**
     * The accounts assigned to one collector, ordered as {@link #list(TenantId, String, PageRequest)}; the count is
     * theirs alone.
     *
     * @param collector the collector's actor id
     */
    Page<CustomerAccount> listAssigned(TenantId tenant, String collector, String nameContains, PageRequest page);

    /**
     * Assigns the account to a collector by hand, who then reads it, and whom the tenant's assignment rules leave
     * alone; {@code null} hands the account back to those rules, which assign it at once (or leave it unassigned).
     *
     * @param collector the collector's actor id (a user's or credential's), at most 200 characters
     * @throws InvalidRequestException when the collector id is blank, too long or holds control characters
     * @throws NotFoundException when the tenant has no such account
     */
    CustomerAccount assignCollector(TenantId tenant, UUID id, String collector);

    /**
     * The accounts that pay from {@code iban} (spaces and case do not matter), found through a keyed hash of it: the
     * IBAN itself is stored encrypted.
     */
    List<CustomerAccount> findByIban(TenantId tenant, String iban);

    /**
     * Everything personal the tenant holds about the customer, for a data subject's request for access.
     *
     * @throws NotFoundException when the tenant has no such account
     */
    CustomerPersonalData personalData(TenantId tenant, UUID id);

    /**
     * Erases the customer's personal data on request: contact, tax id, e-mail, phone, IBAN and billing address are
     * removed and the name pseudonymised, while the account, its number and every financial record (invoices with
     * the buyer as issued, payments, journal) are kept as the law requires. Erasing again changes nothing.
     *
     * @throws NotFoundException when the tenant has no such account
     */
    CustomerAccount erasePersonalData(TenantId tenant, UUID id);
}
