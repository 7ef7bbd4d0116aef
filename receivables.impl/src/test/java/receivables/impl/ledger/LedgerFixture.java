package receivables.impl.ledger;

import receivables.impl.customer.internal.CustomersFixture;
import receivables.impl.customer.internal.StoredCreditControl;
import receivables.impl.customer.internal.StoredCustomerAccounts;
import receivables.impl.fx.internal.FxFixture;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.ledger.internal.CreditFixture;
import receivables.impl.ledger.internal.InvoicesFixture;
import receivables.impl.ledger.internal.JournalFixture;
import receivables.impl.ledger.internal.JournalPostings;
import receivables.impl.ledger.internal.PaymentsFixture;
import receivables.impl.ledger.internal.StoredCreditNotes;
import receivables.impl.ledger.internal.StoredInvoices;
import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.ledger.internal.StoredWriteOffs;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.report.internal.AgingFixture;
import receivables.impl.report.internal.SqlAging;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.terms.internal.StoredPaymentTerms;
import receivables.impl.terms.internal.TermsFixture;

/**
 * The ledger's components wired as Declarative Services would wire them, on one database.
 */
public record LedgerFixture(HibernateDatabase database, StoredPaymentTerms terms, StoredCustomerAccounts customers,
        StoredCreditControl credit, JournalPostings journal, StoredInvoices invoices, StoredPayments payments,
        SqlAging aging, StoredCreditNotes creditNotes, StoredWriteOffs writeOffs, StoredExchangeRates rates) {

    public static LedgerFixture on(HibernateDatabase database) {
        StoredPaymentTerms terms = TermsFixture.catalog(database);
        StoredCreditControl credit = CustomersFixture.credit(database);
        JournalPostings journal = JournalFixture.postings(database);
        TenantDirectory tenants = new TenantDirectory();
        StoredWriteOffs writeOffs = CreditFixture.writeOffs(database, journal, tenants);
        return new LedgerFixture(database, terms, CustomersFixture.customers(database, terms), credit, journal,
                InvoicesFixture.invoices(database, journal, terms, credit, tenants),
                PaymentsFixture.payments(database, journal, writeOffs, tenants), AgingFixture.aging(database),
                CreditFixture.creditNotes(database, journal, tenants), writeOffs, FxFixture.rates(database));
    }
}
