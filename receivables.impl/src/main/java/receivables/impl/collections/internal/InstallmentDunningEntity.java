package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.impl.persistence.internal.TenantOwned;

/**
 * Where one installment stands in dunning: the level it was last noticed at, the level whose fee it has carried,
 * and the interest accrued on it and not yet charged.
 */
@Entity(name = "InstallmentDunning")
@Table(name = "dunning_installment")
public class InstallmentDunningEntity extends TenantOwned {

    @Id
    @Column(name = "installment_id")
    UUID installmentId;

    @Column(name = "customer_id", nullable = false)
    UUID customerId;

    @Column(name = "noticed_level", nullable = false)
    int noticedLevel;

    @Column(name = "fee_level", nullable = false)
    int feeLevel;

    @Column(name = "accrued_interest", nullable = false, precision = 29, scale = 10)
    BigDecimal accruedInterest;

    @Column(name = "accrued_until")
    LocalDate accruedUntil;

    protected InstallmentDunningEntity() {
    }

    InstallmentDunningEntity(UUID installmentId, UUID customerId) {
        this.installmentId = installmentId;
        this.customerId = customerId;
        this.accruedInterest = BigDecimal.ZERO;
    }
}
