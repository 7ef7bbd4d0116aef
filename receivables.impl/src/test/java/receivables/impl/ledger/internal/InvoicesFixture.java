package receivables.impl.ledger.internal;

import receivables.impl.customer.internal.StoredCreditControl;
import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.fx.internal.FxFixture;
import receivables.impl.persistence.internal.Database;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.terms.internal.StoredPaymentTerms;

public final class InvoicesFixture {

    private InvoicesFixture() {
    }

    public static StoredInvoices invoices(Database database, JournalPostings journal, StoredPaymentTerms terms,
            StoredCreditControl credit, TenantDirectory tenants) {
        StoredInvoices invoices = new StoredInvoices();
        invoices.database = database;
        invoices.journal = journal;
        invoices.paymentTerms = terms;
        invoices.tenants = tenants;
        invoices.credit = credit;
        invoices.rates = FxFixture.rates(database);
        invoices.events = new BusinessEvents();
        return invoices;
    }
}
