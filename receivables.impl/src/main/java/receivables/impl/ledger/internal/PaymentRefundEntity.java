package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.money.Money;
import receivables.api.payment.PaymentRefund;
import receivables.api.payment.PaymentRefundRequest;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("refund")
@Entity(name = "PaymentRefund")
@Table(name = "payment_refund")
class PaymentRefundEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "payment_id", nullable = false)
    UUID paymentId;

    @Column(name = "idempotency_key", nullable = false, length = 128)
    String idempotencyKey;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal amount;

    @Column(name = "refund_date", nullable = false)
    LocalDate date;

    @Column(nullable = false, length = 200)
    String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    protected PaymentRefundEntity() {
    }

    PaymentRefundEntity(UUID paymentId, PaymentRefundRequest refund, Instant now) {
        this.id = UUID.randomUUID();
        this.paymentId = paymentId;
        this.idempotencyKey = refund.idempotencyKey();
        this.currency = refund.amount().currency();
        this.amount = refund.amount().amount();
        this.date = refund.date();
        this.reason = refund.reason().trim();
        this.createdAt = now;
    }

    Money amount() {
        return Money.of(amount, currency);
    }

    boolean sameAs(UUID payment, PaymentRefundRequest refund) {
        return paymentId.equals(payment) && amount().equals(refund.amount()) && date.equals(refund.date());
    }

    PaymentRefund toValue() {
        return new PaymentRefund(id, paymentId, idempotencyKey, amount(), date, reason);
    }
}
