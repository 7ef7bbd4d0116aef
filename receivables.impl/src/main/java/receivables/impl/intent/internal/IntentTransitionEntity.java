package receivables.impl.intent.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.intent.IntentStatus;
import receivables.api.intent.IntentTransition;
import receivables.impl.persistence.internal.NativeValues;
import receivables.impl.persistence.internal.TenantOwned;

@Entity(name = "IntentTransition")
@Table(name = "intent_transition")
public class IntentTransitionEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "intent_id", nullable = false)
    UUID intentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    IntentStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    IntentStatus to;

    @Column(name = "occurred_at", nullable = false)
    Instant at;

    @Column(nullable = false, length = 16)
    String source;

    @Column(length = 500)
    String detail;

    protected IntentTransitionEntity() {
    }

    IntentTransitionEntity(UUID intentId, IntentStatus from, IntentStatus to, Instant at, String source, String detail) {
        this.id = UUID.randomUUID();
        this.intentId = intentId;
        this.from = from;
        this.to = to;
        this.at = at;
        this.source = source;
        this.detail = NativeValues.clip(detail, 500);
    }

    IntentTransition toValue() {
        return new IntentTransition(from, to, at, source, detail);
    }
}
