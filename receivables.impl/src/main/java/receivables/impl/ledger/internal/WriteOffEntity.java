package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.credit.SettledInstallment;
import receivables.api.credit.WriteOff;
import receivables.api.credit.WriteOffKind;
import receivables.api.money.Money;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("write-off")
@Entity(name = "WriteOff")
@Table(name = "write_off")
class WriteOffEntity extends TenantOwned implements SettlingDocuments.Document<WriteOff> {

    @Id
    UUID id;

    @Column(name = "invoice_id", nullable = false)
    UUID invoiceId;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Column(nullable = false, length = 3)
    String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    WriteOffKind kind;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal amount;

    @Column(nullable = false, length = 200)
    String reason;

    @Column(name = "write_off_date", nullable = false)
    LocalDate date;

    @Column(name = "payment_id")
    UUID paymentId;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    protected WriteOffEntity() {
    }

    WriteOffEntity(InvoiceEntity invoice, WriteOffKind kind, Money amount, String reason, LocalDate date, UUID paymentId,
            Instant now) {
        this.id = UUID.randomUUID();
        this.invoiceId = invoice.id();
        this.customerId = invoice.customerId();
        this.currency = invoice.currency();
        this.kind = kind;
        this.amount = amount.amount();
        this.reason = reason;
        this.date = date;
        this.paymentId = paymentId;
        this.createdAt = now;
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public UUID invoiceId() {
        return invoiceId;
    }

    @Override
    public WriteOff toValue(String invoiceNumber, List<SettledInstallment> installments) {
        return new WriteOff(id, invoiceId, invoiceNumber, customerId, kind, Money.of(amount, currency), reason, date,
                paymentId, installments);
    }
}
