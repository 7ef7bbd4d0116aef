package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.money.Money;
import receivables.impl.audit.internal.Audited;

/**
 * What a credit note or write-off took off one installment: an allocation row without a payment, so that
 * aging and open items as of any day subtract it like a payment's allocation.
 */
@Audited("settlement")
@Entity(name = "Settlement")
@Table(name = "allocation")
class SettlementEntity extends AllocationRow {

    @Id
    UUID id;

    @Column(name = "credit_note_id")
    UUID creditNoteId;

    @Column(name = "write_off_id")
    UUID writeOffId;

    @Column(name = "invoice_id", nullable = false)
    UUID invoiceId;

    @Column(name = "installment_id", nullable = false)
    UUID installmentId;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal amount;

    @Column(name = "value_date", nullable = false)
    LocalDate valueDate;

    @Column(name = "allocated_at", nullable = false)
    Instant allocatedAt;

    protected SettlementEntity() {
    }

    private SettlementEntity(UUID creditNoteId, UUID writeOffId, InstallmentEntity installment, Money amount,
            LocalDate valueDate, Instant now) {
        this.id = UUID.randomUUID();
        this.creditNoteId = creditNoteId;
        this.writeOffId = writeOffId;
        this.invoiceId = installment.invoiceId();
        this.installmentId = installment.id();
        takeOff(installment);
        this.amount = amount.amount();
        this.valueDate = valueDate;
        this.allocatedAt = now;
    }

    /** The credit note or write-off that took the amount off. */
    UUID source() {
        return creditNoteId != null ? creditNoteId : writeOffId;
    }

    Money amount(String currency) {
        return Money.of(amount, currency);
    }

    /** Takes {@code amount} off the installment for a credit note. */
    static SettlementEntity credit(CreditNoteEntity note, InstallmentEntity installment, Money amount, Instant now) {
        installment.settle(amount);
        return new SettlementEntity(note.id, null, installment, amount, note.date, now);
    }

    /** Takes {@code amount} off the installment for a write-off. */
    static SettlementEntity writeOff(WriteOffEntity writeOff, InstallmentEntity installment, Money amount, Instant now) {
        installment.settle(amount);
        return new SettlementEntity(null, writeOff.id, installment, amount, writeOff.date, now);
    }
}
