package receivables.impl.fx.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.fx.Revaluation;
import receivables.api.fx.RevaluedCurrency;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("revaluation")
@Entity(name = "Revaluation")
@Table(name = "fx_revaluation")
public class RevaluationEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(name = "as_of", nullable = false)
    LocalDate asOf;

    @Column(name = "functional_currency", nullable = false, length = 3)
    String functionalCurrency;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    protected RevaluationEntity() {
    }

    RevaluationEntity(LocalDate asOf, String functionalCurrency, Instant now) {
        this.id = UUID.randomUUID();
        this.asOf = asOf;
        this.functionalCurrency = functionalCurrency;
        this.createdAt = now;
    }

    Revaluation toValue(List<RevaluedCurrency> currencies) {
        return new Revaluation(id, asOf, functionalCurrency, currencies, createdAt);
    }
}
