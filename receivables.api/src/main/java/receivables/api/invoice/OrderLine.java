package receivables.api.invoice;

import java.math.BigDecimal;

/**
 * One line of a confirmed sales order.
 *
 * @param product         the host's product code
 * @param description     what the customer sees on the invoice; optional
 * @param quantity        positive, up to 6 decimals
 * @param unitPrice       net price per unit in the order's currency, at most the currency's decimals
 * @param discountPercent line discount, 0 to 100; {@code null} means none
 * @param taxRate         tax in percent of the discounted net, e.g. 19; {@code null} means 0
 */
public record OrderLine(String product, String description, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal discountPercent, BigDecimal taxRate) {
}
