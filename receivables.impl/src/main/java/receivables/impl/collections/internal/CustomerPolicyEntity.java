package receivables.impl.collections.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

/** A customer dunned under a policy of its own choosing rather than its segment's or the default. */
@Audited("dunning-assignment")
@Entity(name = "CustomerPolicy")
@Table(name = "dunning_customer_policy")
public class CustomerPolicyEntity extends TenantOwned {

    @Id
    @Column(name = "customer_id")
    UUID customerId;

    @Column(name = "policy_code", nullable = false, length = 32)
    String policyCode;

    protected CustomerPolicyEntity() {
    }

    CustomerPolicyEntity(UUID customerId, String policyCode) {
        this.customerId = customerId;
        this.policyCode = policyCode;
    }
}
