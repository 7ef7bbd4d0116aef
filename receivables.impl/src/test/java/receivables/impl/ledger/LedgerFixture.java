package receivables.impl.ledger;

import receivables.impl.approval.internal.FourEyes;
import receivables.impl.approval.internal.FourEyesFixture;
import receivables.impl.collections.internal.CollectorAssignment;
import receivables.impl.customer.internal.StoredCreditControl;
import receivables.impl.customer.internal.StoredCustomerAccounts;
import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.ledger.internal.JournalPostings;
import receivables.impl.ledger.internal.StoredCreditNotes;
import receivables.impl.ledger.internal.StoredInvoices;
import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.ledger.internal.StoredWriteOffs;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;
import receivables.impl.report.internal.SqlAging;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.terms.internal.StoredPaymentTerms;

/**
 * The ledger's components built as Declarative Services would build them, on one database.
 */
public record LedgerFixture(HibernateDatabase database, StoredPaymentTerms terms, StoredCustomerAccounts customers,
        StoredCreditControl credit, JournalPostings journal, StoredInvoices invoices, StoredPayments payments,
        SqlAging aging, StoredCreditNotes creditNotes, StoredWriteOffs writeOffs, StoredExchangeRates rates) {

    public static LedgerFixture on(HibernateDatabase database) {
        return on(database, new TenantDirectory(), FourEyesFixture.off(database), new BusinessEvents());
    }

    /** The ledger of {@code tenants}' settings, with write-offs and credit notes asking {@code fourEyes}. */
    public static LedgerFixture on(HibernateDatabase database, TenantDirectory tenants, FourEyes fourEyes,
            BusinessEvents events) {
        StoredExchangeRates rates = new StoredExchangeRates(database);
        StoredPaymentTerms terms = new StoredPaymentTerms(database);
        StoredCreditControl credit = new StoredCreditControl(database, rates, tenants);
        JournalPostings journal = new JournalPostings(database, tenants, rates);
        StoredWriteOffs writeOffs = new StoredWriteOffs(database, journal, tenants, events, fourEyes);
        return new LedgerFixture(database, terms,
                new StoredCustomerAccounts(database, terms, TestDatabases.personalDataKeys(database), fourEyes,
                        new CollectorAssignment()), credit, journal,
                new StoredInvoices(database, journal, tenants, events, terms, credit, rates),
                new StoredPayments(database, journal, events, rates, tenants, writeOffs), new SqlAging(database),
                new StoredCreditNotes(database, journal, tenants, events, fourEyes), writeOffs, rates);
    }
}
