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

import receivables.api.collections.CollectionStage;
import receivables.api.collections.CollectionTask;
import receivables.impl.persistence.internal.TenantOwned;

@Entity(name = "CollectionTask")
@Table(name = "collection_task")
public class CollectionTaskEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    CollectionStage stage;

    @Column(nullable = false, length = 500)
    String reason;

    @Column(nullable = false)
    LocalDate due;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "done_at")
    Instant doneAt;

    protected CollectionTaskEntity() {
    }

    CollectionTaskEntity(UUID customerId, CollectionStage stage, String reason, LocalDate due, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.stage = stage;
        this.reason = reason;
        this.due = due;
        this.createdAt = now;
    }

    CollectionTask toValue() {
        return new CollectionTask(id, customerId, stage, reason, due, createdAt, doneAt);
    }
}
