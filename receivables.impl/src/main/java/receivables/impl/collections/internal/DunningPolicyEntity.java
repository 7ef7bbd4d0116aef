package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.collections.DunningLevel;
import receivables.api.collections.DunningPolicy;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("dunning-policy")
@Entity(name = "DunningPolicy")
@Table(name = "dunning_policy")
public class DunningPolicyEntity extends TenantOwned {

    @Id
    @Column(length = 32)
    String code;

    @Column(nullable = false, length = 200)
    String name;

    @Column(name = "min_days_between", nullable = false)
    int minDaysBetween;

    @Column(name = "minimum_overdue", nullable = false, precision = 19, scale = 4)
    BigDecimal minimumOverdue;

    @Column(name = "annual_interest", nullable = false, precision = 9, scale = 4)
    BigDecimal annualInterest;

    @Column(name = "charge_terms_code", nullable = false, length = 32)
    String chargeTermsCode;

    @Column(nullable = false, length = 8)
    String language;

    @Column(nullable = false, length = 32)
    String channel;

    @Column(name = "tenant_default", nullable = false)
    boolean tenantDefault;

    @Version
    long version;

    protected DunningPolicyEntity() {
    }

    DunningPolicyEntity(String code) {
        this.code = code;
    }

    void apply(DunningPolicy policy) {
        name = policy.name();
        minDaysBetween = policy.minDaysBetweenNotices();
        minimumOverdue = policy.minimumOverdue();
        annualInterest = policy.annualInterestPercent();
        chargeTermsCode = policy.chargeTermsCode();
        language = policy.language();
        channel = policy.channel();
        tenantDefault = policy.tenantDefault();
    }

    DunningPolicy toValue(List<DunningLevel> levels, List<String> segments) {
        return new DunningPolicy(code, name, levels, minDaysBetween, minimumOverdue, annualInterest, chargeTermsCode,
                language, channel, segments, tenantDefault, version);
    }
}
