package receivables.api.customer;

import java.math.BigDecimal;

/**
 * What a client sends to create or change a customer account. Validated by
 * {@link CustomerAccounts}; any field may be {@code null} here and is reported when required.
 *
 * @param number           the host's customer number, unique within the tenant; optional
 * @param name             required, at most 200 characters
 * @param taxId            optional, at most 64 characters
 * @param email            optional, a plausible e-mail address
 * @param currency         required ISO 4217 code the customer is billed in by default
 * @param contactName      the accounts-payable contact; optional
 * @param phone            optional
 * @param billingAddress   optional
 * @param salesperson      optional
 * @param segment          optional grouping for reports, e.g. RETAIL
 * @param paymentTermsCode default payment terms for the customer's orders; optional (NET30)
 * @param creditLimit      most the customer may owe in {@code currency}; {@code null} for no limit
 * @param creditRating     optional
 * @param creditHold       {@code true} stops new invoices; {@code null} means false
 * @param iban             the account the customer pays from, checked mod 97; optional. Bank reconciliation finds the
 *                         customer by it
 *
 * <p>{@code taxId}, {@code email}, {@code phone} and {@code iban} are personal data: encrypted at rest, and left out of
 * {@link #toString()} so that no log carries them.
 */
public record CustomerRequest(String number, String name, String taxId, String email, String currency,
        String contactName, String phone, BillingAddress billingAddress, String salesperson, String segment,
        String paymentTermsCode, BigDecimal creditLimit, CreditRating creditRating, Boolean creditHold, String iban) {

    /** The details without an IBAN, as version 1.0 of this package had them. */
    public CustomerRequest(String number, String name, String taxId, String email, String currency,
            String contactName, String phone, BillingAddress billingAddress, String salesperson, String segment,
            String paymentTermsCode, BigDecimal creditLimit, CreditRating creditRating, Boolean creditHold) {
        this(number, name, taxId, email, currency, contactName, phone, billingAddress, salesperson, segment,
                paymentTermsCode, creditLimit, creditRating, creditHold, null);
    }

    /** The details with only the fields every customer needs. */
    public static CustomerRequest of(String number, String name, String taxId, String email, String currency) {
        return new CustomerRequest(number, name, taxId, email, currency, null, null, null, null, null, null, null, null,
                null, null);
    }

    @Override
    public String toString() {
        return "CustomerRequest[number=" + number + ", name=" + name + ", currency=" + currency
                + ", paymentTermsCode=" + paymentTermsCode + ", creditLimit=" + creditLimit + ", creditRating="
                + creditRating + ", creditHold=" + creditHold + ", personal data withheld]";
    }
}
