package receivables.api.payment;

import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * Payments of one tenant at a time. No payment is ever lost or counted twice: recording is idempotent per
 * key, and allocations never exceed what is open, even under concurrent clerks or nodes.
 */
@ProviderType
public interface Payments {

    /**
     * Records a payment and allocates it, explicitly or oldest due first; the rest stays as customer credit.
     * The same idempotency key with the same details returns the payment already recorded.
     *
     * @throws receivables.api.InvalidRequestException on a non-positive amount, a target in another
     *         currency or of another customer, or more than is open; nothing is stored
     * @throws receivables.api.ConflictException when the key was used for different details
     */
    Payment record(TenantId tenant, PaymentDetails details);

    Optional<Payment> find(TenantId tenant, UUID paymentId);
}
