package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.invoice.InvoiceLine;
import receivables.api.money.Money;
import receivables.impl.audit.internal.AuditedAsPart;
import receivables.impl.persistence.internal.TenantOwned;

@AuditedAsPart(owner = "invoice", ownerId = "invoiceId", name = "lines", key = "lineNumber",
        ownersValues = "tenantId")
@Entity(name = "InvoiceLine")
@Table(name = "invoice_line")
public class InvoiceLineEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "invoice_id", nullable = false)
    UUID invoiceId;

    @Column(name = "line_number", nullable = false)
    int lineNumber;

    @Column(nullable = false, length = 64)
    String product;

    @Column(length = 200)
    String description;

    @Column(nullable = false, precision = 19, scale = 6)
    BigDecimal quantity;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
    BigDecimal unitPrice;

    @Column(name = "discount_percent", nullable = false, precision = 7, scale = 4)
    BigDecimal discountPercent;

    @Column(name = "tax_rate", nullable = false, precision = 7, scale = 4)
    BigDecimal taxRate;

    @Column(name = "net_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal net;

    @Column(name = "tax_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal tax;

    protected InvoiceLineEntity() {
    }

    InvoiceLineEntity(UUID invoiceId, InvoiceLine line) {
        this.id = UUID.randomUUID();
        this.invoiceId = invoiceId;
        this.lineNumber = line.lineNumber();
        this.product = line.product();
        this.description = line.description();
        this.quantity = line.quantity();
        this.unitPrice = line.unitPrice().amount();
        this.discountPercent = line.discountPercent();
        this.taxRate = line.taxRate();
        this.net = line.net().amount();
        this.tax = line.tax().amount();
    }

    InvoiceLine toValue(String currency) {
        return new InvoiceLine(lineNumber, product, description, quantity.stripTrailingZeros(), Money.of(unitPrice, currency),
                discountPercent.stripTrailingZeros(), taxRate.stripTrailingZeros(), Money.of(net, currency),
                Money.of(tax, currency));
    }
}
