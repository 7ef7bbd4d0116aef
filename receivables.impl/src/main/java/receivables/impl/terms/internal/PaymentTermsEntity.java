package receivables.impl.terms.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.terms.PaymentTerms;
import receivables.impl.audit.internal.Audited;
import receivables.impl.persistence.internal.TenantOwned;

@Audited("payment-terms")
@Entity(name = "PaymentTerms")
@Table(name = "payment_terms")
public class PaymentTermsEntity extends TenantOwned {

    @Id
    @Column(length = 32)
    String code;

    @Column(nullable = false, length = 200)
    String name;

    @Column(nullable = false, length = 200)
    String notation;

    protected PaymentTermsEntity() {
    }

    PaymentTermsEntity(PaymentTerms terms) {
        this.code = terms.code();
        apply(terms);
    }

    void apply(PaymentTerms terms) {
        this.name = terms.name();
        this.notation = terms.notation();
    }

    PaymentTerms toValue() {
        return PaymentTerms.parse(code, name, notation);
    }
}
