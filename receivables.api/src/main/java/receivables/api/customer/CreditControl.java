package receivables.api.customer;

import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;
import receivables.api.money.Money;

/**
 * Credit checks: limit, hold and rating. Issuing an invoice runs the same check.
 */
@ProviderType
public interface CreditControl {

    /**
     * @param additional the amount about to be added, in the customer's currency; zero to check the standing
     * @throws receivables.api.NotFoundException when the tenant has no such customer
     * @throws receivables.api.InvalidRequestException when {@code additional} is not in the customer's currency
     */
    CreditDecision check(TenantId tenant, UUID customerId, Money additional);
}
