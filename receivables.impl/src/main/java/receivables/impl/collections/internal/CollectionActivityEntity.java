package receivables.impl.collections.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.collections.ActivityKind;
import receivables.api.collections.ActivityOutcome;
import receivables.api.collections.CollectionActivity;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("collection-activity")
@Entity(name = "CollectionActivity")
@Table(name = "collection_activity")
public class CollectionActivityEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    ActivityKind kind;

    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    ActivityOutcome outcome;

    @Column(length = 2000)
    String notes;

    @Column(name = "promise_id")
    UUID promiseId;

    @Column(name = "next_action", length = 200)
    String nextAction;

    @Column(name = "next_action_on")
    LocalDate nextActionOn;

    @Column(nullable = false, length = 200)
    String actor;

    @Column(name = "logged_at", nullable = false)
    Instant loggedAt;

    protected CollectionActivityEntity() {
    }

    CollectionActivityEntity(UUID customerId, ActivityKind kind, ActivityOutcome outcome, String notes, UUID promiseId,
            String nextAction, LocalDate nextActionOn, String actor, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.kind = kind;
        this.outcome = outcome;
        this.notes = notes;
        this.promiseId = promiseId;
        this.nextAction = nextAction;
        this.nextActionOn = nextActionOn;
        this.actor = actor;
        this.loggedAt = now;
    }

    CollectionActivity toValue() {
        return new CollectionActivity(id, customerId, kind, outcome, notes, promiseId, nextAction, nextActionOn, actor,
                loggedAt);
    }
}
