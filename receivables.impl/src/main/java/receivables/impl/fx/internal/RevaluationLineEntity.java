package receivables.impl.fx.internal;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.fx.RevaluedCurrency;
import receivables.api.money.Money;
import receivables.impl.persistence.internal.TenantOwned;

@Entity(name = "RevaluationLine")
@Table(name = "fx_revaluation_line")
public class RevaluationLineEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "revaluation_id", nullable = false)
    UUID revaluationId;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(name = "open_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal open;

    @Column(name = "book_value", nullable = false, precision = 19, scale = 4)
    BigDecimal bookValue;

    @Column(nullable = false, precision = 20, scale = 10)
    BigDecimal rate;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal revalued;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal difference;

    protected RevaluationLineEntity() {
    }

    RevaluationLineEntity(UUID revaluationId, RevaluedCurrency revalued) {
        this.id = UUID.randomUUID();
        this.revaluationId = revaluationId;
        this.currency = revalued.open().currency();
        this.open = revalued.open().amount();
        this.bookValue = revalued.bookValue().amount();
        this.rate = revalued.rate();
        this.revalued = revalued.revalued().amount();
        this.difference = revalued.difference().amount();
    }

    RevaluedCurrency toValue(String functionalCurrency) {
        return new RevaluedCurrency(Money.of(open, currency), Money.of(bookValue, functionalCurrency), rate.stripTrailingZeros(),
                Money.of(revalued, functionalCurrency), Money.of(difference, functionalCurrency));
    }
}
