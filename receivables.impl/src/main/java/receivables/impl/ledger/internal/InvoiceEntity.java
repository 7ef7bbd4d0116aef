package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.invoice.InvoiceStatus;
import receivables.api.money.Money;
import receivables.api.statement.CreditorReference;
import receivables.impl.audit.internal.Audited;
import receivables.impl.audit.internal.Derived;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("invoice")
@Entity(name = "Invoice")
@Table(name = "invoice")
class InvoiceEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "invoice_number", length = 40)
    String number;

    /** The number's letters and digits, as statement matching looks an invoice up by number or reference. */
    @Derived
    @Column(name = "number_key", length = 40)
    private String numberKey;

    @Column(name = "order_id", nullable = false, length = 64)
    String orderId;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Column(nullable = false, length = 3)
    String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    InvoiceStatus status;

    @Column(name = "terms_code", nullable = false, length = 32)
    String termsCode;

    @Column(name = "order_date", nullable = false)
    LocalDate orderDate;

    @Column(name = "issue_date")
    LocalDate issueDate;

    @Column(name = "due_date")
    LocalDate dueDate;

    @Column(name = "net_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal net;

    @Column(name = "tax_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal tax;

    @Column(name = "gross_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal gross;

    @Column(name = "open_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal open;

    @Column(length = 100)
    String salesperson;

    @Column(name = "fx_rate", precision = 20, scale = 10)
    BigDecimal fxRate;

    @Version
    long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected InvoiceEntity() {
    }

    Money money(BigDecimal amount) {
        return Money.of(amount, currency);
    }

    /** Lowers what is open by an allocation and moves the status along. */
    void settle(Money amount, Instant now) {
        Money remaining = money(open).minus(amount);
        if (remaining.isNegative()) {
            throw new IllegalStateException("invoice " + number + " would be overpaid by " + remaining.negate());
        }
        open = remaining.amount();
        status = InvoiceLifecycle.TRANSITIONS.move(status,
                remaining.isZero() ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID);
        updatedAt = now;
    }

    /**
     * Lowers what is open by a credit note. Once its credit notes add up to the gross ({@code creditedInAll}),
     * the invoice is canceled; a credit that clears what payments left open settles it as paid; otherwise
     * the status stays, for a credit is no payment.
     */
    void credit(Money amount, Money creditedInAll, Instant now) {
        Money remaining = money(open).minus(amount);
        if (remaining.isNegative()) {
            throw new IllegalStateException("invoice " + number + " would be credited beyond what is open by "
                    + remaining.negate());
        }
        open = remaining.amount();
        if (creditedInAll.equals(gross())) {
            status = InvoiceLifecycle.TRANSITIONS.move(status, InvoiceStatus.CANCELED);
        } else if (remaining.isZero()) {
            status = InvoiceLifecycle.TRANSITIONS.move(status, InvoiceStatus.PAID);
        }
        updatedAt = now;
    }

    /** Writes off what is still open as bad debt: nothing is left to collect. */
    void writeOff(Instant now) {
        open = BigDecimal.ZERO;
        status = InvoiceLifecycle.TRANSITIONS.move(status, InvoiceStatus.WRITTEN_OFF);
        updatedAt = now;
    }

    /** Opens {@code amount} again after an allocation was taken back. */
    void reopen(Money amount, Instant now) {
        open = money(open).plus(amount).amount();
        status = InvoiceLifecycle.TRANSITIONS.move(status,
                money(open).compareTo(money(gross)) < 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED);
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public Money net() {
        return money(net);
    }

    public Money tax() {
        return money(tax);
    }

    public Money gross() {
        return money(gross);
    }

    public Money open() {
        return money(open);
    }

    public UUID customerId() {
        return customerId;
    }

    public String currency() {
        return currency;
    }

    public InvoiceStatus status() {
        return status;
    }

    /** The rate into the functional currency at issue; {@code null} for an invoice in the functional currency. */
    public BigDecimal fxRate() {
        return fxRate;
    }

    public String number() {
        return number;
    }

    void numbered(String number) {
        this.number = number;
        this.numberKey = number == null ? null : CreditorReference.lettersAndDigits(number);
    }
}
