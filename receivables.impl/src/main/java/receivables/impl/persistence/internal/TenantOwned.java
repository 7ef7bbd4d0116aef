package receivables.impl.persistence.internal;

import org.hibernate.annotations.TenantId;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * Every persisted row carries its tenant. Hibernate fills it from the session on insert and adds
 * it to every query, so no code of ours ever sets or filters it by hand.
 */
@MappedSuperclass
public abstract class TenantOwned {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
    private String tenantId;

    public String tenantId() {
        return tenantId;
    }
}
