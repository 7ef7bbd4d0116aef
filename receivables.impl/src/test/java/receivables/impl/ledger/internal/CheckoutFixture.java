package receivables.impl.ledger.internal;

import receivables.impl.persistence.internal.Database;

public final class CheckoutFixture {

    private CheckoutFixture() {
    }

    public static LedgerCheckout checkout(Database database, StoredInvoices invoices, StoredPayments payments) {
        LedgerCheckout checkout = new LedgerCheckout();
        checkout.database = database;
        checkout.invoices = invoices;
        checkout.payments = payments;
        return checkout;
    }
}
