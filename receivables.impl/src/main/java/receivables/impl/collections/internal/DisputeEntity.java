package receivables.impl.collections.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.collections.Dispute;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("dispute")
@Entity(name = "Dispute")
@Table(name = "invoice_dispute")
public class DisputeEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "invoice_id", nullable = false)
    UUID invoiceId;

    @Column(nullable = false, length = 500)
    String reason;

    @Column(name = "opened_at", nullable = false)
    Instant openedAt;

    @Column(name = "resolved_at")
    Instant resolvedAt;

    @Column(length = 500)
    String resolution;

    protected DisputeEntity() {
    }

    DisputeEntity(UUID invoiceId, String reason, Instant now) {
        this.id = UUID.randomUUID();
        this.invoiceId = invoiceId;
        this.reason = reason;
        this.openedAt = now;
    }

    Dispute toValue() {
        return new Dispute(id, invoiceId, reason, openedAt, resolvedAt, resolution);
    }
}
