package receivables.impl.customer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.customer.BillingAddress;
import receivables.api.customer.CreditRating;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerDetails;
import receivables.api.money.Money;
import receivables.impl.persistence.internal.TenantOwned;

@Entity(name = "CustomerAccount")
@Table(name = "customer_account")
public class CustomerAccountEntity extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "customer_number", length = 64)
    private String number;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "tax_id", length = 64)
    private String taxId;

    @Column(length = 254)
    private String email;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "contact_name", length = 200)
    private String contactName;

    @Column(length = 40)
    private String phone;

    @Column(name = "address_line1", length = 200)
    private String addressLine1;

    @Column(name = "address_line2", length = 200)
    private String addressLine2;

    @Column(name = "postal_code", length = 20)
    private String postalCode;

    @Column(length = 100)
    private String city;

    @Column(length = 100)
    private String region;

    @Column(length = 2)
    private String country;

    @Column(length = 100)
    private String salesperson;

    @Column(length = 50)
    private String segment;

    @Column(name = "payment_terms_code", length = 32)
    private String paymentTermsCode;

    @Column(name = "credit_limit", precision = 19, scale = 4)
    private BigDecimal creditLimit;

    // Stored as its letter: Hibernate would map a one-letter enum to H2's native ENUM type.
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "credit_rating", length = 1)
    private String creditRating;

    @Column(name = "credit_hold", nullable = false)
    private boolean creditHold;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CustomerAccountEntity() {
    }

    CustomerAccountEntity(UUID id, CustomerDetails details, Instant now) {
        this.id = id;
        this.createdAt = now;
        apply(details, now);
    }

    void apply(CustomerDetails details, Instant now) {
        this.number = blankToNull(details.number());
        this.name = details.name().trim();
        this.taxId = blankToNull(details.taxId());
        this.email = blankToNull(details.email());
        this.currency = details.currency();
        this.contactName = blankToNull(details.contactName());
        this.phone = blankToNull(details.phone());
        BillingAddress address = details.billingAddress();
        this.addressLine1 = address == null ? null : blankToNull(address.line1());
        this.addressLine2 = address == null ? null : blankToNull(address.line2());
        this.postalCode = address == null ? null : blankToNull(address.postalCode());
        this.city = address == null ? null : blankToNull(address.city());
        this.region = address == null ? null : blankToNull(address.region());
        this.country = address == null ? null : blankToNull(address.country());
        this.salesperson = blankToNull(details.salesperson());
        this.segment = blankToNull(details.segment());
        this.paymentTermsCode = blankToNull(details.paymentTermsCode());
        this.creditLimit = details.creditLimit();
        this.creditRating = details.creditRating() == null ? null : details.creditRating().name();
        this.creditHold = Boolean.TRUE.equals(details.creditHold());
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String currency() {
        return currency;
    }

    public String paymentTermsCode() {
        return paymentTermsCode;
    }

    public BigDecimal creditLimit() {
        return creditLimit;
    }

    public CreditRating creditRating() {
        return creditRating == null ? null : CreditRating.valueOf(creditRating);
    }

    public boolean creditHold() {
        return creditHold;
    }

    long version() {
        return version;
    }

    String number() {
        return number;
    }

    CustomerAccount toValue() {
        BillingAddress address = addressLine1 == null && addressLine2 == null && postalCode == null && city == null
                && region == null && country == null ? null
                        : new BillingAddress(addressLine1, addressLine2, postalCode, city, region, country);
        return new CustomerAccount(id, number, name, taxId, email, currency, contactName, phone, address, salesperson,
                segment, paymentTermsCode, creditLimit == null ? null : Money.of(creditLimit, currency).amount(), creditRating(),
                creditHold, version, createdAt, updatedAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
