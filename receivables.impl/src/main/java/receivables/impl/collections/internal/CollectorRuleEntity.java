package receivables.impl.collections.internal;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.collections.AmountBasis;
import receivables.api.collections.CollectorRule;
import receivables.api.money.Money;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

/** One of a tenant's assignment rules, at its place in their order. */
@Audited("collector-rule")
@Entity(name = "CollectorRule")
@Table(name = "collector_rule")
public class CollectorRuleEntity extends TenantOwned {

    /** Its place in the tenant's order, from 1. */
    @Id
    @Column(name = "sequence_number")
    int sequence;

    @Column(nullable = false, length = 200)
    String collector;

    @Column(length = 50)
    String segment;

    @Column(length = 100)
    String salesperson;

    @Column(length = 2)
    String country;

    @Column(length = 3)
    String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "amount_of", nullable = false, length = 8)
    AmountBasis amountOf;

    @Column(name = "min_amount", precision = 19, scale = 4)
    BigDecimal minAmount;

    @Column(name = "max_amount", precision = 19, scale = 4)
    BigDecimal maxAmount;

    protected CollectorRuleEntity() {
    }

    CollectorRuleEntity(int sequence, CollectorRule rule) {
        this.sequence = sequence;
        this.collector = rule.collector();
        this.segment = rule.segment();
        this.salesperson = rule.salesperson();
        this.country = rule.country();
        this.currency = rule.currency();
        this.amountOf = rule.amountOf();
        this.minAmount = rule.minAmount();
        this.maxAmount = rule.maxAmount();
    }

    CollectorRule toValue() {
        return new CollectorRule(collector, segment, salesperson, country, currency, amountOf,
                minAmount == null ? null : Money.of(minAmount, currency).amount(),
                maxAmount == null ? null : Money.of(maxAmount, currency).amount());
    }
}
