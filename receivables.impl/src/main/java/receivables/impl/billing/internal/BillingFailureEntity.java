package receivables.impl.billing.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.invoice.BillingFailure;
import receivables.impl.persistence.internal.TenantOwned;

@Entity(name = "BillingFailure")
@Table(name = "billing_failure")
public class BillingFailureEntity extends TenantOwned {

    static final int MAX_REASON = 500;

    @Id
    UUID id;

    @Column(name = "run_id", nullable = false)
    UUID runId;

    @Column(name = "order_id", nullable = false, length = 64)
    String orderId;

    @Column(nullable = false, length = MAX_REASON)
    String reason;

    protected BillingFailureEntity() {
    }

    BillingFailureEntity(UUID runId, BillingFailure failure) {
        this.id = UUID.randomUUID();
        this.runId = runId;
        this.orderId = failure.orderId().length() > 64 ? failure.orderId().substring(0, 64) : failure.orderId();
        this.reason = failure.reason().length() > MAX_REASON ? failure.reason().substring(0, MAX_REASON) : failure.reason();
    }

    BillingFailure toValue() {
        return new BillingFailure(orderId, reason);
    }
}
