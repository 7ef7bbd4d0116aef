package receivables.impl.host.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.impl.persistence.internal.TenantOwned;

/** How far a sink got: the latest posting time of an entry delivered to it. */
@Entity(name = "JournalDeliveryCursor")
@Table(name = "journal_delivery_cursor")
public class JournalDeliveryCursorEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(nullable = false, length = 64)
    String sink;

    @Column(name = "posted_through", nullable = false)
    Instant postedThrough;

    @Version
    long version;

    protected JournalDeliveryCursorEntity() {
    }

    JournalDeliveryCursorEntity(String sink, Instant postedThrough) {
        this.id = UUID.randomUUID();
        this.sink = sink;
        this.postedThrough = postedThrough;
    }
}
