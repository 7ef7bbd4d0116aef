package receivables.api.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer account as stored; the fields mean what they mean in {@link CustomerRequest}.
 *
 * @param id        stable identifier, unique across tenants
 * @param version   optimistic-lock version; send it back to update
 * @param collector the actor id of the collector the account is assigned to; {@code null} when unassigned
 *
 * <p>{@link #toString()} leaves the personal data out, so that no log carries it.
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
        Instant updatedAt,
        String iban,
        String collector) {

    /** The account without a collector, as version 2.0 of this package had it. */
    public CustomerAccount(UUID id, String number, String name, String taxId, String email, String currency,
            String contactName, String phone, BillingAddress billingAddress, String salesperson, String segment,
            String paymentTermsCode, BigDecimal creditLimit, CreditRating creditRating, boolean creditHold, long version,
            Instant createdAt, Instant updatedAt, String iban) {
        this(id, number, name, taxId, email, currency, contactName, phone, billingAddress, salesperson, segment,
                paymentTermsCode, creditLimit, creditRating, creditHold, version, createdAt, updatedAt, iban, null);
    }

    /** The account without an IBAN, as version 1.0 of this package had it. */
    public CustomerAccount(UUID id, String number, String name, String taxId, String email, String currency,
            String contactName, String phone, BillingAddress billingAddress, String salesperson, String segment,
            String paymentTermsCode, BigDecimal creditLimit, CreditRating creditRating, boolean creditHold, long version,
            Instant createdAt, Instant updatedAt) {
        this(id, number, name, taxId, email, currency, contactName, phone, billingAddress, salesperson, segment,
                paymentTermsCode, creditLimit, creditRating, creditHold, version, createdAt, updatedAt, null, null);
    }

    @Override
    public String toString() {
        return "CustomerAccount[id=" + id + ", number=" + number + ", name=" + name + ", currency=" + currency
                + ", version=" + version + ", personal data withheld]";
    }
}
