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
import receivables.api.payment.Allocation;
import receivables.impl.audit.internal.Audited;

@Audited("allocation")
@Entity(name = "Allocation")
@Table(name = "allocation")
class AllocationEntity extends AllocationRow {

    @Id
    UUID id;

    @Column(name = "payment_id", nullable = false)
    UUID paymentId;

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

    @Column(name = "reverses_id")
    UUID reversesId;

    @Column(length = 200)
    String reason;

    protected AllocationEntity() {
    }

    AllocationEntity(UUID paymentId, InstallmentEntity installment, Money amount, LocalDate valueDate, Instant now) {
        this.id = UUID.randomUUID();
        this.paymentId = paymentId;
        this.invoiceId = installment.invoiceId;
        this.installmentId = installment.id;
        takeOff(installment);
        this.amount = amount.amount();
        this.valueDate = valueDate;
        this.allocatedAt = now;
    }

    /** The allocation that takes {@code this} back on {@code date}. */
    AllocationEntity reversal(String why, LocalDate date, Instant now) {
        AllocationEntity reversal = new AllocationEntity();
        reversal.id = UUID.randomUUID();
        reversal.paymentId = paymentId;
        reversal.invoiceId = invoiceId;
        reversal.installmentId = installmentId;
        reversal.sameInstallmentAs(this);
        reversal.amount = amount.negate();
        reversal.valueDate = date;
        reversal.allocatedAt = now;
        reversal.reversesId = id;
        reversal.reason = why;
        return reversal;
    }

    Allocation toValue(String currency, int installmentSequence) {
        return new Allocation(id, invoiceId, installmentSequence, Money.of(amount, currency), allocatedAt, reversesId,
                reason);
    }
}
