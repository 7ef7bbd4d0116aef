package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.collections.CollectionStage;
import receivables.api.collections.DunningLevel;
import receivables.impl.persistence.internal.TenantOwned;

/** One level of a policy, numbered from 1 in the order of its days. */
@Entity(name = "PolicyLevel")
@Table(name = "dunning_policy_level")
public class PolicyLevelEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "policy_code", nullable = false, length = 32)
    String policyCode;

    @Column(name = "level_number", nullable = false)
    int number;

    @Column(nullable = false)
    int days;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal fee;

    @Column(name = "credit_hold", nullable = false)
    boolean creditHold;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalate_to", length = 16)
    CollectionStage escalateTo;

    protected PolicyLevelEntity() {
    }

    PolicyLevelEntity(String policyCode, int number, DunningLevel level) {
        this.id = UUID.randomUUID();
        this.policyCode = policyCode;
        this.number = number;
        this.days = level.days();
        this.fee = level.fee();
        this.creditHold = level.creditHold();
        this.escalateTo = level.escalateTo();
    }

    DunningLevel toValue() {
        return new DunningLevel(days, fee, creditHold, escalateTo);
    }
}
