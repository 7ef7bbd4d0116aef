package receivables.api.invoice;

import java.time.LocalDate;

/**
 * A confirmed order to invoice at once, with the payment taken for it, if any.
 *
 * @param issueDate the invoice date, also the payment's value date
 * @param payment   {@code null} when the customer pays later
 */
public record CheckoutRequest(SalesOrder order, LocalDate issueDate, ImmediatePayment payment) {
}
