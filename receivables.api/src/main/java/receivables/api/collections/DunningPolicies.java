package receivables.api.collections;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * The dunning policies of one tenant at a time, and which customer is dunned under which.
 */
@ProviderType
public interface DunningPolicies {

    List<DunningPolicy> list(TenantId tenant);

    Optional<DunningPolicy> find(TenantId tenant, String code);

    /**
     * Creates or replaces the policy {@code code}.
     *
     * @throws receivables.api.InvalidRequestException naming every field that is wrong; nothing is stored
     */
    DunningPolicy define(TenantId tenant, String code, DunningPolicyRequest request);

    /**
     * Removes the policy; its customers' assignments go with it.
     *
     * @throws receivables.api.NotFoundException when there is none
     */
    void remove(TenantId tenant, String code);

    /**
     * Assigns the customer to the policy {@code code}, or takes the assignment away when {@code code} is null.
     *
     * @throws receivables.api.NotFoundException when the customer does not exist
     * @throws receivables.api.InvalidRequestException when there is no such policy
     */
    void assign(TenantId tenant, UUID customerId, String code);

    /** The policy the customer is dunned under, if any. */
    Optional<DunningPolicy> policyFor(TenantId tenant, UUID customerId);
}
