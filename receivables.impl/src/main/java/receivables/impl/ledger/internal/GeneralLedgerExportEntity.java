package receivables.impl.ledger.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.impl.persistence.internal.TenantOwned;

@Entity(name = "GeneralLedgerExport")
@Table(name = "gl_export")
public class GeneralLedgerExportEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(nullable = false, length = 64)
    String sink;

    /** The month as {@code 2026-03}. */
    @Column(nullable = false, length = 7)
    String period;

    @Column(name = "exported_at", nullable = false)
    Instant exportedAt;

    protected GeneralLedgerExportEntity() {
    }

    GeneralLedgerExportEntity(String sink, String period, Instant exportedAt) {
        this.id = UUID.randomUUID();
        this.sink = sink;
        this.period = period;
        this.exportedAt = exportedAt;
    }
}
