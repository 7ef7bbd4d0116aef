package receivables.api.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A confirmed sales order as the host sends it. The order id is the idempotency key: the same order
 * submitted twice gives one invoice.
 *
 * @param orderId    the host's order id, unique within the tenant
 * @param customerId the customer account billed
 * @param currency   ISO 4217 code of every amount in the order
 * @param orderDate  when the order was confirmed
 * @param termsCode  payment terms; {@code null} for the customer's default, else NET30
 * @param lines      at least one
 * @param salesperson who sold the order, at most 100 characters; {@code null} for the customer's salesperson.
 *                    Carried onto the invoice, so that reports group receivables and collections by it
 */
public record SalesOrder(String orderId, UUID customerId, String currency, LocalDate orderDate, String termsCode,
        List<OrderLine> lines, String salesperson) {

    /** An order sold by the customer's own salesperson, as version 2.0 of this package had it. */
    public SalesOrder(String orderId, UUID customerId, String currency, LocalDate orderDate, String termsCode,
            List<OrderLine> lines) {
        this(orderId, customerId, currency, orderDate, termsCode, lines, null);
    }
}
