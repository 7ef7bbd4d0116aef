package receivables.impl.terms.internal;

import receivables.impl.persistence.internal.Database;

public final class TermsFixture {

    private TermsFixture() {
    }

    public static StoredPaymentTerms catalog(Database database) {
        StoredPaymentTerms terms = new StoredPaymentTerms();
        terms.database = database;
        return terms;
    }
}
