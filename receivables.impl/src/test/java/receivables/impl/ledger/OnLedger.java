package receivables.impl.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.impl.credit.internal.StoredCreditNotes;
import receivables.impl.credit.internal.StoredWriteOffs;
import receivables.impl.customer.internal.StoredCreditControl;
import receivables.impl.customer.internal.StoredCustomerAccounts;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.invoice.internal.StoredInvoices;
import receivables.impl.journal.internal.JournalPostings;
import receivables.impl.payment.internal.StoredPayments;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.report.internal.SqlAging;
import receivables.impl.terms.internal.StoredPaymentTerms;

/**
 * Base of the test contracts that need the whole ledger: a fresh database per test, from the subclass,
 * and the components on it.
 */
public abstract class OnLedger {

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase();

    protected HibernateDatabase database;
    protected StoredPaymentTerms terms;
    protected StoredCustomerAccounts customers;
    protected StoredCreditControl credit;
    protected JournalPostings journal;
    protected StoredInvoices invoices;
    protected StoredPayments payments;
    protected SqlAging aging;
    protected StoredCreditNotes creditNotes;
    protected StoredWriteOffs writeOffs;
    protected StoredExchangeRates rates;

    /** {@link TestDatabase#h2()} or {@link TestDatabase#postgres(int)}. */
    protected abstract TestDatabase testDatabase();

    @BeforeEach
    void wireTheLedger() {
        LedgerFixture ledger = LedgerFixture.on(testDatabase.get());
        database = ledger.database();
        terms = ledger.terms();
        customers = ledger.customers();
        credit = ledger.credit();
        journal = ledger.journal();
        invoices = ledger.invoices();
        payments = ledger.payments();
        aging = ledger.aging();
        creditNotes = ledger.creditNotes();
        writeOffs = ledger.writeOffs();
        rates = ledger.rates();
    }
}
