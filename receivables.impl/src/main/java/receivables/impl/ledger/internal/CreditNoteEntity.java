package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.credit.CreditNote;
import receivables.api.credit.SettledInstallment;
import receivables.api.money.Money;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("credit-note")
@Entity(name = "CreditNote")
@Table(name = "credit_note")
class CreditNoteEntity extends TenantOwned implements SettlingDocuments.Document<CreditNote> {

    @Id
    UUID id;

    @Column(name = "credit_note_number", nullable = false, length = 40)
    String number;

    @Column(name = "invoice_id", nullable = false)
    UUID invoiceId;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(name = "credit_date", nullable = false)
    LocalDate date;

    @Column(name = "net_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal net;

    @Column(name = "tax_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal tax;

    @Column(name = "gross_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal gross;

    @Column(nullable = false, length = 200)
    String reason;

    @Column(name = "full_credit", nullable = false)
    boolean full;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "idempotency_key", length = 128, updatable = false)
    String idempotencyKey;

    protected CreditNoteEntity() {
    }

    CreditNoteEntity(String number, InvoiceEntity invoice, LocalDate date, NetAndTax split, String reason, boolean full,
            String idempotencyKey, Instant now) {
        this.idempotencyKey = idempotencyKey;
        this.id = UUID.randomUUID();
        this.number = number;
        this.invoiceId = invoice.id();
        this.customerId = invoice.customerId();
        this.currency = invoice.currency();
        this.date = date;
        this.net = split.net().amount();
        this.tax = split.tax().amount();
        this.gross = split.gross().amount();
        this.reason = reason;
        this.full = full;
        this.createdAt = now;
    }

    Money gross() {
        return Money.of(gross, currency);
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
    public CreditNote toValue(String invoiceNumber, List<SettledInstallment> installments) {
        return new CreditNote(id, number, invoiceId, invoiceNumber, customerId, date, gross(), Money.of(net, currency),
                Money.of(tax, currency), reason, full, installments);
    }
}
