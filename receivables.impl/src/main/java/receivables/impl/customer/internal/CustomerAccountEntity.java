package receivables.impl.customer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.customer.BillingAddress;
import receivables.api.customer.CreditRating;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerPersonalData;
import receivables.api.customer.CustomerRequest;
import receivables.api.money.Money;
import receivables.impl.audit.internal.Audited;
import receivables.impl.audit.internal.Derived;
import receivables.impl.audit.internal.PersonalData;
import receivables.impl.persistence.internal.TenantOwned;
import receivables.impl.personal.internal.TenantCipher;

@Audited("customer")
@Entity(name = "CustomerAccount")
@Table(name = "customer_account")
public class CustomerAccountEntity extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "customer_number", length = 64)
    private String number;

    @Column(nullable = false, length = 200)
    private String name;

    /** The name as statement matching compares it with a payer's ({@link PayerNames#canonical}). */
    @Derived
    @Column(name = "name_key", length = 400)
    private String nameKey;

    // taxId, email, phone and iban hold values sealed under the tenant's personal data key (TenantCipher).
    @PersonalData
    @Column(name = "tax_id", length = 512)
    private String taxId;

    @PersonalData
    @Column(length = 512)
    private String email;

    @Column(nullable = false, length = 3)
    private String currency;

    @PersonalData
    @Column(name = "contact_name", length = 200)
    private String contactName;

    @PersonalData
    @Column(length = 512)
    private String phone;

    @PersonalData
    @Column(length = 512)
    private String iban;

    @PersonalData
    @Column(name = "iban_index", length = 64)
    private String ibanIndex;

    @Column(name = "personal_data_erased_at")
    private Instant personalDataErasedAt;

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

    @Column(length = 200)
    private String collector;

    @Enumerated(EnumType.STRING)
    @Column(name = "collector_assigned_by", length = 8)
    private CollectorAssignedBy collectorAssignedBy;

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

    CustomerAccountEntity(UUID id, CustomerRequest details, Instant now, TenantCipher cipher) {
        this.id = id;
        this.createdAt = now;
        apply(details, now, cipher);
    }

    void apply(CustomerRequest details, Instant now, TenantCipher cipher) {
        this.number = blankToNull(details.number());
        named(details.name().trim());
        this.taxId = resealed(cipher, taxId, blankToNull(details.taxId()));
        this.email = resealed(cipher, email, blankToNull(details.email()));
        this.currency = details.currency();
        this.contactName = blankToNull(details.contactName());
        this.phone = resealed(cipher, phone, blankToNull(details.phone()));
        String normalizedIban = TenantCipher.normalizedIban(details.iban());
        this.iban = resealed(cipher, iban, normalizedIban);
        this.ibanIndex = cipher.index(normalizedIban);
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

    /** Sets the credit limit alone ({@code null}: none), as an approved raise or a raise that waits leaves it. */
    void limitCredit(BigDecimal limit) {
        this.creditLimit = limit;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String currency() {
        return currency;
    }

    public String salesperson() {
        return salesperson;
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

    public String segment() {
        return segment;
    }

    /** Puts the customer on credit hold, as a dunning level may: new invoices are then blocked or warned about. */
    public void holdCredit(Instant now) {
        if (!creditHold) {
            creditHold = true;
            updatedAt = now;
        }
    }

    long version() {
        return version;
    }

    String number() {
        return number;
    }

    private void named(String name) {
        this.name = name;
        this.nameKey = PayerNames.canonical(name);
    }

    /**
     * Removes the personal data and pseudonymises the name; the number, currency, credit settings and everything
     * financial stay. The country stays too: tax reporting needs where a customer was.
     */
    void erasePersonalData(Instant now) {
        if (personalDataErasedAt != null) {
            return;
        }
        named("Erased customer " + id.toString().substring(0, 8));
        this.contactName = null;
        this.taxId = null;
        this.email = null;
        this.phone = null;
        this.iban = null;
        this.ibanIndex = null;
        this.addressLine1 = null;
        this.addressLine2 = null;
        this.postalCode = null;
        this.city = null;
        this.region = null;
        this.personalDataErasedAt = now;
        this.updatedAt = now;
    }

    CustomerPersonalData personalData(TenantCipher cipher, Instant now) {
        return new CustomerPersonalData(id, number, name, contactName, cipher.open(taxId), cipher.open(email),
                cipher.open(phone), cipher.open(iban), address(), now, personalDataErasedAt);
    }

    CustomerAccount toValue(TenantCipher cipher) {
        return new CustomerAccount(id, number, name, cipher.open(taxId), cipher.open(email), currency, contactName,
                cipher.open(phone), address(), salesperson, segment, paymentTermsCode,
                creditLimit == null ? null : Money.of(creditLimit, currency).amount(), creditRating(), creditHold, version,
                createdAt, updatedAt, cipher.open(iban), collector);
    }

    /** Assigns the collector {@code by} hand or rule; a null collector leaves the account unassigned. */
    public void assignCollector(String collector, CollectorAssignedBy by, Instant now) {
        this.collector = collector;
        this.collectorAssignedBy = collector == null ? null : by;
        this.updatedAt = now;
    }

    public String collector() {
        return collector;
    }

    public CollectorAssignedBy collectorAssignedBy() {
        return collectorAssignedBy;
    }

    /** The country of the billing address, or null. */
    public String country() {
        return country;
    }

    private BillingAddress address() {
        return addressLine1 == null && addressLine2 == null && postalCode == null && city == null && region == null
                && country == null ? null : new BillingAddress(addressLine1, addressLine2, postalCode, city, region, country);
    }

    /** An IBAN as stored and indexed: without spaces, in capitals. */
    /** The stored value again when it already holds {@code plain}, so that an unchanged field stays unchanged. */
    private static String resealed(TenantCipher cipher, String stored, String plain) {
        return Objects.equals(cipher.open(stored), plain) ? stored : cipher.seal(plain);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
