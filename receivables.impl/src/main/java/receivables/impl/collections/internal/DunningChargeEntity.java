package receivables.impl.collections.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.impl.ledger.internal.StoredInvoices.ChargeKind;
import receivables.impl.persistence.internal.TenantOwned;

/** A fee or interest item a run charged: it is dunned with the rest, and bears neither fees nor interest itself. */
@Entity(name = "DunningCharge")
@Table(name = "dunning_charge")
public class DunningChargeEntity extends TenantOwned {

    @Id
    @Column(name = "invoice_id")
    UUID invoiceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    ChargeKind kind;

    @Column(name = "notice_id")
    UUID noticeId;

    protected DunningChargeEntity() {
    }

    DunningChargeEntity(UUID invoiceId, ChargeKind kind, UUID noticeId) {
        this.invoiceId = invoiceId;
        this.kind = kind;
        this.noticeId = noticeId;
    }
}
