package receivables.impl.customer.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerDetails;
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
        this.updatedAt = now;
    }

    long version() {
        return version;
    }

    String number() {
        return number;
    }

    CustomerAccount toValue() {
        return new CustomerAccount(id, number, name, taxId, email, currency, version, createdAt, updatedAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
