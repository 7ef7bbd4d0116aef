package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.TenantId;
import receivables.api.customer.CustomerAccount;
import receivables.api.invoice.Installment;
import receivables.api.invoice.InvoiceLine;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.journal.Account;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.api.payment.PaymentRequest;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.persistence.internal.YearlyCounter;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Writes what another system's ledger did, with its own dates: invoices as they were issued and payments as they
 * were received, so that aging as of a past day, collection reports and risk models read them like the ledger's
 * own. Unlike new business, history announces no events and journals nothing as it is written: its revenue,
 * tax and cash are in the other system's books. Only what is still open when the history is in enters this
 * journal, as an opening balance.
 */
@Component(service = LedgerHistory.class)
public class LedgerHistory {

    /** The payment method of the payments history brings. */
    public static final String METHOD = "HISTORY";
    /** The terms code of an imported invoice: its due date came with it, no terms of this tenant made it. */
    static final String TERMS = "HISTORY";
    static final String PRODUCT = "HISTORY";

    private final JournalPostings journal;
    private final TenantDirectory tenants;
    private final StoredExchangeRates rates;

    @Activate
    public LedgerHistory(@Reference JournalPostings journal, @Reference TenantDirectory tenants,
            @Reference StoredExchangeRates rates) {
        this.journal = journal;
        this.tenants = tenants;
        this.rates = rates;
    }

    /**
     * An invoice issued by the other system: issued, open in full, one installment due on its due date, one line
     * of product {@value #PRODUCT} without tax (the other system kept the split). An invoice in another currency
     * than the tenant's functional one carries the rate of {@code openingDate}, at which its open amount enters
     * the journal.
     *
     * @param key a key of at most 56 characters, unique per tenant among imported invoices
     * @throws receivables.api.InvalidRequestException on {@code currency} when there is no such rate
     */
    public UUID invoice(Session session, TenantId tenant, String key, CustomerAccount customer, String number,
            Money amount, LocalDate issueDate, LocalDate dueDate, LocalDate openingDate, Instant now) {
        String functional = tenants.settings(tenant).functionalCurrency();
        InvoiceEntity invoice = new InvoiceEntity();
        invoice.id = UUID.randomUUID();
        invoice.numbered(number);
        invoice.orderId = orderId(key);
        invoice.customerId = customer.id();
        invoice.currency = amount.currency();
        invoice.status = InvoiceStatus.ISSUED;
        invoice.termsCode = TERMS;
        invoice.orderDate = issueDate;
        invoice.issueDate = issueDate;
        invoice.dueDate = dueDate;
        invoice.net = amount.amount();
        invoice.tax = Money.zero(amount.currency()).amount();
        invoice.gross = amount.amount();
        invoice.open = amount.amount();
        invoice.salesperson = customer.salesperson();
        invoice.fxRate = amount.currency().equals(functional) ? null
                : rates.requiredRate(session, amount.currency(), functional, openingDate, "currency");
        invoice.createdAt = now;
        invoice.updatedAt = now;
        session.persist(invoice);
        session.persist(new InvoiceLineEntity(invoice.id, new InvoiceLine(1, PRODUCT, null, BigDecimal.ONE, amount,
                BigDecimal.ZERO, BigDecimal.ZERO, amount, Money.zero(amount.currency()))));
        session.persist(new InstallmentEntity(invoice, new Installment(1, dueDate, amount,
                amount, null, null)));
        return invoice.id;
    }

    /** The order id of the invoice imported under {@code key}: what keeps its number its own. */
    public static String orderId(String key) {
        return "history:" + key;
    }

    /**
     * A payment the other system received for one invoice, allocated to it in full on its value date, numbered in
     * the year of that date like every payment.
     *
     * @param key unique per tenant among payments; the payment's idempotency key
     */
    public UUID payment(Session session, TenantId tenant, String key, UUID invoiceId, Money amount, LocalDate valueDate,
            Instant now) {
        InvoiceEntity invoice = session.find(InvoiceEntity.class, invoiceId);
        InstallmentEntity installment = session.createSelectionQuery("from Installment i where i.invoiceId = :invoice"
                        + " order by i.sequence", InstallmentEntity.class)
                .setParameter("invoice", invoiceId).setMaxResults(1).getSingleResult();
        PaymentEntity payment = new PaymentEntity(new PaymentRequest(key, invoice.customerId, METHOD, amount, valueDate,
                null, List.of()), tenants.settings(tenant).paymentNumber(valueDate,
                        YearlyCounter.PAYMENT.reserve(session, tenant, valueDate.getYear(), 1)), now);
        session.persist(payment);
        session.persist(new AllocationEntity(payment.id, installment, amount, valueDate, now));
        payment.allocate(amount);
        installment.settle(amount);
        invoice.settle(amount, now);
        return payment.id;
    }

    /** What is still open on the invoice. */
    public Money open(Session session, UUID invoiceId) {
        InvoiceEntity invoice = session.find(InvoiceEntity.class, invoiceId);
        return invoice.money(invoice.open);
    }

    /** Journals what is open on the invoice as an opening balance on {@code date}; nothing when nothing is. */
    public boolean openingBalance(Session session, UUID invoiceId, LocalDate date) {
        InvoiceEntity invoice = session.find(InvoiceEntity.class, invoiceId);
        Money open = invoice.money(invoice.open);
        if (!open.isPositive()) {
            return false;
        }
        journal.post(session, date, JournalEntryKind.OPENING_BALANCE, invoice.number, List.of(
                JournalLine.debit(Account.RECEIVABLE, open), JournalLine.credit(Account.OPENING_BALANCE, open)));
        return true;
    }
}
