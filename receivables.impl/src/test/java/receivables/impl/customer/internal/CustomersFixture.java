package receivables.impl.customer.internal;

import receivables.impl.fx.internal.FxFixture;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.TestDatabases;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.terms.internal.StoredPaymentTerms;

public final class CustomersFixture {

    private CustomersFixture() {
    }

    public static StoredCustomerAccounts customers(Database database, StoredPaymentTerms terms) {
        StoredCustomerAccounts customers = new StoredCustomerAccounts();
        customers.database = database;
        customers.paymentTerms = terms;
        customers.personalDataKeys = TestDatabases.personalDataKeys(database);
        return customers;
    }

    public static StoredCreditControl credit(Database database) {
        StoredCreditControl credit = new StoredCreditControl();
        credit.database = database;
        credit.rates = FxFixture.rates(database);
        credit.tenants = new TenantDirectory();
        return credit;
    }
}
