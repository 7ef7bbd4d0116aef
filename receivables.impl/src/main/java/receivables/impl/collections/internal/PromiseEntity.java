package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.collections.PromiseStatus;
import receivables.api.collections.PromiseToPay;
import receivables.api.money.Money;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("promise-to-pay")
@Entity(name = "PromiseToPay")
@Table(name = "promise_to_pay")
public class PromiseEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal amount;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(name = "promised_for", nullable = false)
    LocalDate promisedFor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    PromiseStatus status;

    @Column(length = 500)
    String note;

    @Column(name = "made_at", nullable = false)
    Instant madeAt;

    protected PromiseEntity() {
    }

    PromiseEntity(UUID customerId, Money amount, LocalDate promisedFor, String note, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.amount = amount.amount();
        this.currency = amount.currency();
        this.promisedFor = promisedFor;
        this.status = PromiseStatus.OPEN;
        this.note = note;
        this.madeAt = now;
    }

    PromiseToPay toValue() {
        return new PromiseToPay(id, customerId, Money.of(amount, currency), promisedFor, status, note, madeAt);
    }
}
