package receivables.impl.report.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.provision.ForwardLookingAdjustment;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

/**
 * A forward-looking adjustment as stored: one column per bucket of the provision matrix, so that the audit trail
 * names each factor. Inserted once, never updated.
 */
@Audited("provision-adjustment")
@Entity(name = "ForwardLookingAdjustment")
@Table(name = "provision_adjustment")
public class ForwardLookingAdjustmentEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "effective_from", nullable = false, updatable = false, length = 7)
    String effectiveFrom;

    @Column(name = "effective_to", updatable = false, length = 7)
    String effectiveTo;

    @Column(name = "factor_current", nullable = false, updatable = false, precision = 9, scale = 6)
    BigDecimal factorCurrent;

    @Column(name = "factor_1_30", nullable = false, updatable = false, precision = 9, scale = 6)
    BigDecimal factor1To30;

    @Column(name = "factor_31_60", nullable = false, updatable = false, precision = 9, scale = 6)
    BigDecimal factor31To60;

    @Column(name = "factor_61_90", nullable = false, updatable = false, precision = 9, scale = 6)
    BigDecimal factor61To90;

    @Column(name = "factor_over_90", nullable = false, updatable = false, precision = 9, scale = 6)
    BigDecimal factorOver90;

    @Column(name = "reason", nullable = false, updatable = false, length = 500)
    String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    protected ForwardLookingAdjustmentEntity() {
    }

    /** {@code factors} one per bucket, current first, at 6 decimals. */
    ForwardLookingAdjustmentEntity(YearMonth effectiveFrom, YearMonth effectiveTo, List<BigDecimal> factors,
            String reason, Instant now) {
        this.id = UUID.randomUUID();
        this.effectiveFrom = effectiveFrom.toString();
        this.effectiveTo = effectiveTo == null ? null : effectiveTo.toString();
        this.factorCurrent = factors.get(0);
        this.factor1To30 = factors.get(1);
        this.factor31To60 = factors.get(2);
        this.factor61To90 = factors.get(3);
        this.factorOver90 = factors.get(4);
        this.reason = reason;
        this.createdAt = now;
    }

    /** Whether it applies to a matrix as of a day in {@code month}. */
    boolean appliesIn(YearMonth month) {
        String day = month.toString();
        return effectiveFrom.compareTo(day) <= 0 && (effectiveTo == null || effectiveTo.compareTo(day) >= 0);
    }

    ForwardLookingAdjustment toValue() {
        return new ForwardLookingAdjustment(id, effectiveFrom, effectiveTo,
                List.of(factorCurrent, factor1To30, factor31To60, factor61To90, factorOver90), reason, createdAt);
    }
}
