package receivables.impl.intent.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.intent.IntentRefund;
import receivables.api.intent.IntentRefundStatus;
import receivables.api.money.Money;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("intent-refund")
@Entity(name = "IntentRefund")
@Table(name = "intent_refund")
public class IntentRefundEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "intent_id", nullable = false)
    UUID intentId;

    @Column(name = "idempotency_key", nullable = false, length = 128)
    String idempotencyKey;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal amount;

    @Column(length = 200)
    String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    IntentRefundStatus status;

    @Column(name = "provider_reference", length = 128)
    String providerReference;

    @Embedded
    Retry retry;

    @Column(name = "requested_at", nullable = false, updatable = false)
    Instant requestedAt;

    /** When the channel took the refund and said it confirms later; from then on it is asked where it stands. */
    @Column(name = "accepted_at")
    Instant acceptedAt;

    @Version
    long version;

    protected IntentRefundEntity() {
    }

    IntentRefundEntity(UUID intentId, String idempotencyKey, Money amount, String reason, Instant now) {
        this.id = UUID.randomUUID();
        this.intentId = intentId;
        this.idempotencyKey = idempotencyKey;
        this.currency = amount.currency();
        this.amount = amount.amount();
        this.reason = reason;
        this.status = IntentRefundStatus.PENDING;
        this.retry = Retry.due(now);
        this.requestedAt = now;
    }

    Money amount() {
        return Money.of(amount, currency);
    }

    IntentRefund toValue() {
        return new IntentRefund(id, amount(), reason, status, providerReference, requestedAt);
    }
}
