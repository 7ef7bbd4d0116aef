package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.money.Money;
import receivables.api.payment.Allocation;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRequest;
import receivables.api.payment.PaymentStatus;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("payment")
@Entity(name = "Payment")
@Table(name = "payment")
class PaymentEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "payment_number", nullable = false, length = 40, updatable = false)
    String number;

    @Column(name = "idempotency_key", nullable = false, length = 128)
    String idempotencyKey;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Column(nullable = false, length = 32)
    String method;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal amount;

    @Column(name = "unallocated_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal unallocated;

    @Column(name = "value_date", nullable = false)
    LocalDate valueDate;

    @Column(name = "payer_reference", length = 140)
    String payerReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    PaymentStatus status = PaymentStatus.RECEIVED;

    @Column(name = "reversed_on")
    LocalDate reversedOn;

    @Column(name = "reversal_reason", length = 200)
    String reversalReason;

    @Version
    long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    protected PaymentEntity() {
    }

    PaymentEntity(PaymentRequest details, String number, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.idempotencyKey = details.idempotencyKey();
        this.customerId = details.customerId();
        this.method = details.method();
        this.currency = details.amount().currency();
        this.amount = details.amount().amount();
        this.unallocated = this.amount;
        this.valueDate = details.valueDate();
        this.payerReference = details.payerReference();
        this.createdAt = now;
    }

    /** Whether {@code details} say the same as what was recorded under the same key. */
    boolean sameAs(PaymentRequest details) {
        return customerId.equals(details.customerId()) && method.equals(details.method())
                && amount().equals(details.amount()) && valueDate.equals(details.valueDate());
    }

    Money amount() {
        return Money.of(amount, currency);
    }

    Money unallocated() {
        return Money.of(unallocated, currency);
    }

    void allocate(Money allocated) {
        unallocated = unallocated().minus(allocated).amount();
    }

    Payment toValue(List<Allocation> allocations) {
        return new Payment(id, number, idempotencyKey, customerId, method, amount(), unallocated(), valueDate, payerReference,
                status, reversedOn, allocations);
    }
}
