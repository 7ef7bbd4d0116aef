package receivables.api.invoice;

import java.math.BigDecimal;

import receivables.api.money.Money;

/**
 * A line of an invoice with its amounts computed: net = quantity × unit price − discount, tax = net × rate.
 */
public record InvoiceLine(int lineNumber, String product, String description, BigDecimal quantity, Money unitPrice,
        BigDecimal discountPercent, BigDecimal taxRate, Money net, Money tax) {
}
