package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.invoice.Installment;
import receivables.api.money.Money;
import receivables.impl.audit.internal.AuditedAsPart;
import receivables.impl.persistence.internal.TenantOwned;

@AuditedAsPart(owner = "invoice", ownerId = "invoiceId", name = "installments", key = "sequence",
        ownersValues = {"tenantId", "customerId", "currency", "issueDate"})
@Entity(name = "Installment")
@Table(name = "installment")
class InstallmentEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "invoice_id", nullable = false)
    UUID invoiceId;

    @Column(name = "sequence_number", nullable = false)
    int sequence;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(name = "issue_date", nullable = false)
    LocalDate issueDate;

    @Column(name = "due_date", nullable = false)
    LocalDate dueDate;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal amount;

    @Column(name = "open_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal open;

    @Column(name = "discount_until")
    LocalDate discountUntil;

    @Column(name = "discount_amount", precision = 19, scale = 4)
    BigDecimal discountAmount;

    @Version
    long version;

    protected InstallmentEntity() {
    }

    InstallmentEntity(InvoiceEntity invoice, Installment installment) {
        this.id = UUID.randomUUID();
        this.invoiceId = invoice.id;
        this.sequence = installment.sequence();
        this.customerId = invoice.customerId;
        this.currency = invoice.currency;
        this.issueDate = invoice.issueDate;
        this.dueDate = installment.dueDate();
        this.amount = installment.amount().amount();
        this.open = installment.open().amount();
        this.discountUntil = installment.discountUntil();
        this.discountAmount = installment.discountAmount() == null ? null : installment.discountAmount().amount();
    }

    UUID id() {
        return id;
    }

    UUID invoiceId() {
        return invoiceId;
    }

    int sequence() {
        return sequence;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    String currency() {
        return currency;
    }

    Money open() {
        return Money.of(open, currency);
    }

    /**
     * The early-payment discount a payment with value date {@code valueDate} earns on what is open: none after
     * the window or when the terms have none, and never more than is open.
     */
    Money discountOn(LocalDate valueDate) {
        if (discountUntil == null || discountAmount == null || valueDate.isAfter(discountUntil)) {
            return Money.zero(currency);
        }
        return Money.of(discountAmount, currency).min(open());
    }

    /** Opens {@code amount} again after an allocation was taken back. */
    void reopen(Money amount) {
        open = open().plus(amount).amount();
    }

    /** Lowers what is open; never below zero. */
    void settle(Money allocated) {
        Money remaining = open().minus(allocated);
        if (remaining.isNegative()) {
            throw new IllegalStateException("installment " + sequence + " of invoice " + invoiceId + " would be overpaid");
        }
        open = remaining.amount();
    }

    Installment toValue() {
        return new Installment(sequence, dueDate, Money.of(amount, currency), open(), discountUntil,
                discountAmount == null ? null : Money.of(discountAmount, currency));
    }
}
