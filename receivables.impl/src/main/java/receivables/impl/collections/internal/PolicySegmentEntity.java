package receivables.impl.collections.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.impl.persistence.internal.TenantOwned;

/** A customer segment and the one policy that applies to it. */
@Entity(name = "PolicySegment")
@Table(name = "dunning_policy_segment")
public class PolicySegmentEntity extends TenantOwned {

    @Id
    @Column(length = 64)
    String segment;

    @Column(name = "policy_code", nullable = false, length = 32)
    String policyCode;

    protected PolicySegmentEntity() {
    }

    PolicySegmentEntity(String segment, String policyCode) {
        this.segment = segment;
        this.policyCode = policyCode;
    }
}
