package receivables.impl.host.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.impl.persistence.internal.TenantOwned;

@Entity(name = "JournalDelivery")
@Table(name = "journal_delivery")
public class JournalDeliveryEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(nullable = false, length = 64)
    String sink;

    @Column(name = "entry_id", nullable = false)
    UUID entryId;

    @Column(name = "delivered_at", nullable = false)
    Instant deliveredAt;

    protected JournalDeliveryEntity() {
    }

    JournalDeliveryEntity(String sink, UUID entryId, Instant now) {
        this.id = UUID.randomUUID();
        this.sink = sink;
        this.entryId = entryId;
        this.deliveredAt = now;
    }
}
