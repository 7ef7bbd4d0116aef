package receivables.impl.fx.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import receivables.api.fx.ExchangeRate;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("exchange-rate")
@Entity(name = "ExchangeRate")
@Table(name = "exchange_rate")
public class ExchangeRateEntity extends TenantOwned {

    /** A rate is the tenant's for one currency and day. */
    @Embeddable
    public record Key(@Column(length = 3) String currency, @Column(name = "rate_date") LocalDate date) implements Serializable {
    }

    @EmbeddedId
    Key key;

    @Column(nullable = false, precision = 20, scale = 10)
    BigDecimal rate;

    protected ExchangeRateEntity() {
    }

    ExchangeRateEntity(ExchangeRate rate) {
        this.key = new Key(rate.currency(), rate.date());
        this.rate = rate.rate();
    }

    ExchangeRate toValue() {
        return new ExchangeRate(key.currency(), key.date(), rate.stripTrailingZeros());
    }
}
