package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.collections.NoticeItem;
import receivables.api.money.Money;
import receivables.impl.persistence.internal.TenantOwned;

@Entity(name = "NoticeItem")
@Table(name = "dunning_notice_item")
public class NoticeItemEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "notice_id", nullable = false)
    UUID noticeId;

    @Column(name = "installment_id", nullable = false)
    UUID installmentId;

    @Column(name = "invoice_id", nullable = false)
    UUID invoiceId;

    @Column(name = "invoice_number", nullable = false, length = 40)
    String invoiceNumber;

    @Column(name = "sequence_number", nullable = false)
    int sequence;

    @Column(name = "due_date", nullable = false)
    LocalDate dueDate;

    @Column(name = "open_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal open;

    @Column(name = "days_past_due", nullable = false)
    int daysPastDue;

    @Column(name = "item_level", nullable = false)
    int level;

    @Column(nullable = false)
    boolean charge;

    protected NoticeItemEntity() {
    }

    NoticeItemEntity(UUID noticeId, UUID installmentId, NoticeItem item) {
        this.id = UUID.randomUUID();
        this.noticeId = noticeId;
        this.installmentId = installmentId;
        this.invoiceId = item.invoiceId();
        this.invoiceNumber = item.invoiceNumber();
        this.sequence = item.installment();
        this.dueDate = item.dueDate();
        this.open = item.open().amount();
        this.daysPastDue = item.daysPastDue();
        this.level = item.level();
        this.charge = item.charge();
    }

    NoticeItem toValue(String currency) {
        return new NoticeItem(invoiceId, invoiceNumber, sequence, dueDate, Money.of(open, currency), daysPastDue, level,
                charge);
    }
}
