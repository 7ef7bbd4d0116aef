package receivables.api.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer account as stored.
 *
 * @param id          stable identifier, unique across tenants
 * @param number      the host's customer number, unique within the tenant, or {@code null}
 * @param name        legal or trading name
 * @param taxId       VAT or tax registration number, or {@code null}
 * @param email       address for invoices and reminders, or {@code null}
 * @param currency    ISO 4217 code the customer is billed in by default
 * @param version     optimistic-lock version; send it back to update
 * @param createdAt   when the account was created
 * @param updatedAt   when it last changed
 */
public record CustomerAccount(
        UUID id,
        String number,
        String name,
        String taxId,
        String email,
        String currency,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
