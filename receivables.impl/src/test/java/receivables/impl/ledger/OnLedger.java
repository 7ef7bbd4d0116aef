package receivables.impl.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.impl.customer.internal.StoredCreditControl;
import receivables.impl.customer.internal.StoredCustomerAccounts;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.ledger.internal.JournalPostings;
import receivables.impl.ledger.internal.StoredCreditNotes;
import receivables.impl.ledger.internal.StoredInvoices;
import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.ledger.internal.StoredWriteOffs;
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
    protected final TestDatabase testDatabase = testDatabase();

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

    /** Whatever a test did, every journal entry of every tenant balances in every currency. */
    @AfterEach
    void everyJournalEntryBalances() {
        assertEveryJournalEntryBalances();
    }

    protected void assertEveryJournalEntryBalances() {
        List<?> unbalanced = database.inTransaction(new TenantId("any"), session -> session.createNativeQuery(
                "select entry_id, currency from journal_line group by entry_id, currency having sum(debit) <> sum(credit)"
                        + " or sum(functional_debit) <> sum(functional_credit) or count(functional_debit) < count(*)",
                Object[].class).getResultList());
        assertThat(unbalanced).isEmpty();
    }

    /**
     * Whatever a test did, every installment's kept open amount is its amount less all its allocations (payments',
     * credit notes', write-offs' and their reversals): the aging report reads the kept amount, so a writer of
     * allocations that forgot it would show here.
     */
    @AfterEach
    void everyOpenAmountIsTheAmountLessItsAllocations() {
        List<?> drifted = database.inTransaction(new TenantId("any"), session -> session.createNativeQuery(
                "select i.tenant_id, i.id from installment i left join (select tenant_id, installment_id, sum(amount)"
                        + " allocated from allocation group by tenant_id, installment_id) a on a.tenant_id = i.tenant_id"
                        + " and a.installment_id = i.id where i.open_amount <> i.amount - coalesce(a.allocated, 0)",
                Object[].class).getResultList());
        assertThat(drifted).as("installments whose open amount is not their amount less their allocations").isEmpty();
    }

    /** The call is refused as a bad request that names exactly {@code fields}, in this order. */
    protected static void assertRefused(ThrowingCallable call, String... fields) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(fields));
    }
}
