package receivables.api.invoice;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * Order to cash in one step, all or nothing: confirm the order, issue its invoice, take the payment given
 * and return a receipt. Repeating a checkout (same order id, same payment key) returns the same receipt.
 */
@ProviderType
public interface Checkout {

    /**
     * @throws receivables.api.InvalidRequestException when the order or payment is not valid; nothing is stored
     * @throws receivables.api.ConflictException when the credit check blocks the invoice; nothing is stored
     */
    Receipt checkout(TenantId tenant, CheckoutRequest request);
}
