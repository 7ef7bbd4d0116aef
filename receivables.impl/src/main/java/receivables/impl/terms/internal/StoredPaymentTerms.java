package receivables.impl.terms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.ConflictException;
import receivables.api.TenantId;
import receivables.api.terms.PaymentTerms;
import receivables.api.terms.PaymentTermsCatalog;
import receivables.impl.persistence.internal.Database;

/**
 * The standard payment terms every tenant has, plus those a tenant defines for itself.
 */
@Component(service = { PaymentTermsCatalog.class, StoredPaymentTerms.class })
public class StoredPaymentTerms implements PaymentTermsCatalog {

    private final Database database;

    @Activate
    public StoredPaymentTerms(@Reference Database database) {
        this.database = database;
    }

    @Override
    public List<PaymentTerms> list(TenantId tenant) {
        return database.inTransaction(tenant, session -> {
            List<PaymentTerms> all = new ArrayList<>(PaymentTerms.standard());
            session.createSelectionQuery("from PaymentTerms t order by t.code", PaymentTermsEntity.class)
                    .getResultStream().map(PaymentTermsEntity::toValue).forEach(all::add);
            return all;
        });
    }

    @Override
    public Optional<PaymentTerms> find(TenantId tenant, String code) {
        return database.inTransaction(tenant, session -> find(session, code));
    }

    @Override
    public PaymentTerms define(TenantId tenant, String code, String name, String notation) {
        PaymentTerms terms = PaymentTerms.parse(code, name, notation);
        if (standard(code).isPresent()) {
            throw new ConflictException("payment terms " + code + " are standard and cannot be redefined");
        }
        return database.inTransaction(tenant, session -> {
            PaymentTermsEntity stored = session.find(PaymentTermsEntity.class, code);
            if (stored == null) {
                session.persist(new PaymentTermsEntity(terms));
            } else {
                stored.apply(terms);
            }
            session.flush();
            return terms;
        });
    }

    /** The terms named {@code code} in the caller's session, standard or the tenant's own. */
    public Optional<PaymentTerms> find(Session session, String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<PaymentTerms> standard = standard(code);
        if (standard.isPresent()) {
            return standard;
        }
        return Optional.ofNullable(session.find(PaymentTermsEntity.class, code)).map(PaymentTermsEntity::toValue);
    }

    private static Optional<PaymentTerms> standard(String code) {
        return PaymentTerms.standard().stream().filter(terms -> terms.code().equals(code)).findFirst();
    }
}
