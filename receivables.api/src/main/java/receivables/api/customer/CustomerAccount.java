package receivables.api.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer account as stored; the fields mean what they mean in {@link CustomerDetails}.
 *
 * @param id        stable identifier, unique across tenants
 * @param version   optimistic-lock version; send it back to update
 */
public record CustomerAccount(
        UUID id,
        String number,
        String name,
        String taxId,
        String email,
        String currency,
        String contactName,
        String phone,
        BillingAddress billingAddress,
        String salesperson,
        String segment,
        String paymentTermsCode,
        BigDecimal creditLimit,
        CreditRating creditRating,
        boolean creditHold,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
