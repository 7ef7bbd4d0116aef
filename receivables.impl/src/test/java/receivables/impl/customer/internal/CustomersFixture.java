package receivables.impl.customer.internal;

import receivables.impl.persistence.internal.Database;

public final class CustomersFixture {

    private CustomersFixture() {
    }

    public static StoredCustomerAccounts customers(Database database) {
        StoredCustomerAccounts customers = new StoredCustomerAccounts();
        customers.database = database;
        return customers;
    }
}
