package receivables.api.invoice;

/**
 * An order a billing run could not invoice, and why.
 */
public record BillingFailure(String orderId, String reason) {
}
