package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.ConflictException;
import receivables.api.EventTopics;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.PageWithTotals;
import receivables.api.TenantId;
import receivables.api.customer.CreditDecision;
import receivables.api.customer.CreditOutcome;
import receivables.api.invoice.Installment;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceQuery;
import receivables.api.invoice.InvoiceSort;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.invoice.InvoiceTotal;
import receivables.api.invoice.Invoices;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.journal.Account;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.api.terms.PaymentTerms;
import receivables.api.terms.ScheduledInstallment;
import receivables.impl.customer.internal.CustomerAccountEntity;
import receivables.impl.customer.internal.StoredCreditControl;
import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NewRows;
import receivables.impl.persistence.internal.SchemaMigration;
import receivables.impl.persistence.internal.UnitOfWork;
import receivables.impl.persistence.internal.WholeTenantReads;
import receivables.impl.persistence.internal.YearlyCounter;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.terms.internal.StoredPaymentTerms;

/**
 * Invoices kept in the receivables database: drafts from orders, issued with number, installments and
 * journal entry in one transaction.
 */
@Component(service = { Invoices.class, StoredInvoices.class })
public class StoredInvoices implements Invoices {

    static final String DEFAULT_TERMS = "NET30";

    private final Database database;
    private final JournalPostings journal;
    private final TenantDirectory tenants;
    private final BusinessEvents events;
    private final StoredPaymentTerms paymentTerms;
    private final StoredCreditControl credit;
    private final StoredExchangeRates rates;

    @Activate
    public StoredInvoices(@Reference Database database, @Reference JournalPostings journal,
            @Reference TenantDirectory tenants, @Reference BusinessEvents events,
            @Reference StoredPaymentTerms paymentTerms, @Reference StoredCreditControl credit,
            @Reference StoredExchangeRates rates) {
        this.database = database;
        this.journal = journal;
        this.tenants = tenants;
        this.events = events;
        this.paymentTerms = paymentTerms;
        this.credit = credit;
        this.rates = rates;
    }

    Clock clock = Clock.systemUTC();

    @Override
    public Invoice createFromOrder(TenantId tenant, SalesOrder order) {
        InvoiceCalculation calculation = InvoiceCalculation.of(order);
        return database.once(tenant, order.orderId().trim(),
                (session, orderId) -> byOrder(session, orderId).map(invoice -> toValue(session, sameOrder(invoice, order,
                        calculation))),
                (session, tx) -> {
                    InvoiceEntity invoice = newDraft(session, order, calculation);
                    write(session, invoice, calculation);
                    session.flush();
                    return toValue(session, invoice);
                });
    }

    /** Issuing is idempotent per invoice: an invoice issued before is answered as it is. */
    @Override
    public Invoice issue(TenantId tenant, UUID invoiceId, LocalDate issueDate) {
        if (issueDate == null) {
            throw new InvalidRequestException(FieldViolation.of("issueDate", "is required"));
        }
        return database.once(tenant, invoiceId.toString(), (session, key) -> issuedBefore(session, invoiceId),
                (session, tx) -> {
                    InvoiceEntity invoice = Database.locked(session, InvoiceEntity.class, invoiceId);
                    if (invoice == null) {
                        throw new NotFoundException("invoice", invoiceId);
                    }
                    Optional<Cleared> cleared = issuable(session, tenant, invoice, issueDate);
                    if (cleared.isPresent()) {
                        issue(session, tx, tenant, cleared.get(), issueDate,
                                YearlyCounter.INVOICE.reserve(session, tenant, issueDate.getYear(), 1), new HashMap<>(),
                                session::persist);
                        session.flush();
                    }
                    return toValue(session, invoice);
                });
    }

    /** The invoice if it is past its draft, refusing a canceled one; nothing for a draft. */
    private static Optional<Invoice> issuedBefore(Session session, UUID invoiceId) {
        InvoiceEntity invoice = session.find(InvoiceEntity.class, invoiceId);
        if (invoice == null) {
            throw new NotFoundException("invoice", invoiceId);
        }
        requireNotCanceled(invoice);
        return invoice.status == InvoiceStatus.DRAFT ? Optional.empty() : Optional.of(toValue(session, invoice));
    }

    /**
     * Invoices and issues a batch of orders in one transaction: one counter update reserves the numbers of the whole
     * batch, and inserts go to the database in JDBC batches. Orders already issued are skipped. The batch is first
     * written as if every order were new, and done again with the look-up of its orders if that fails (see
     * {@link #invoiceAndIssue(Session, UnitOfWork, TenantId, List, LocalDate, boolean)}); a failure of the second
     * attempt rolls the whole batch back and is rethrown. The host hears of the invoices of the attempt that commits.
     *
     * @return how many invoices the batch issued
     */
    public int invoiceAndIssue(TenantId tenant, List<SalesOrder> orders, LocalDate issueDate) {
        try {
            return database.inTransaction(tenant, (session, tx) -> {
                return invoiceAndIssue(session, tx, tenant, orders, issueDate, false);
            });
        } catch (RuntimeException notAllNew) {
            return database.inTransaction(tenant, (session, tx) -> {
                return invoiceAndIssue(session, tx, tenant, orders, issueDate, true);
            });
        }
    }

    /**
     * The batch as above, in the caller's transaction, for billing runs, which read the batch and record their
     * progress in the same transaction.
     *
     * <p>Most orders of a run have never been invoiced, and looking a batch's orders up reads all of the tenant's
     * invoices wherever the database does not use (tenant_id, order_id) for a list of order ids: H2 never does,
     * PostgreSQL not without fresh statistics. So a caller first writes a batch with {@code lookUpEarlier} false,
     * as if every order were new; if that fails in any way (the unique key on the order refuses an order invoiced
     * before, or the credit check counted it twice), nothing of it stays once its transaction has rolled back, and
     * the caller does it again with the look-up, whose outcome, result or failure, is the one that counts.
     *
     * @return how many invoices the batch issued
     */
    public int invoiceAndIssue(Session session, UnitOfWork tx, TenantId tenant, List<SalesOrder> orders,
            LocalDate issueDate, boolean lookUpEarlier) {
        List<InvoiceCalculation> calculations = orders.stream().map(InvoiceCalculation::of).toList();
        Map<String, InvoiceEntity> earlier = !lookUpEarlier ? Map.of()
                : session.createSelectionQuery("from Invoice v where v.orderId in :orders", InvoiceEntity.class)
                        .setParameter("orders", orders.stream().map(order -> order.orderId().trim()).toList())
                        .getResultStream().collect(Collectors.toMap(invoice -> invoice.orderId, invoice -> invoice));
        return invoiceAndIssue(session, tx, tenant, orders, calculations, issueDate, earlier);
    }

    /**
     * The batch in the caller's transaction, {@code earlier} the invoices its orders already have. A new invoice
     * is written once, already issued: one insert per row, where writing the draft and then issuing it costs an
     * insert and an update. Only a credit check, which reads the customer's drafts from the database, makes the
     * batch's drafts be written before they are issued. The new invoices still unwritten when the batch is issued
     * are written with their lines, installments and journal entries as {@link NewRows}, outside the session: no
     * one changes them after that in this transaction.
     */
    private int invoiceAndIssue(Session session, UnitOfWork tx, TenantId tenant, List<SalesOrder> orders,
            List<InvoiceCalculation> calculations, LocalDate issueDate, Map<String, InvoiceEntity> earlier) {
        loadCustomers(session, tenant, orders.stream().map(SalesOrder::customerId).distinct().toList());
        List<Cleared> drafts = new ArrayList<>();
        Map<InvoiceEntity, InvoiceCalculation> unwritten = new LinkedHashMap<>();
        Runnable writeUnwritten = () -> {
            unwritten.forEach((invoice, calculation) -> write(session, invoice, calculation));
            unwritten.clear();
        };
        for (int i = 0; i < orders.size(); i++) {
            SalesOrder order = orders.get(i);
            InvoiceCalculation calculation = calculations.get(i);
            InvoiceEntity before = earlier.get(order.orderId().trim());
            InvoiceEntity invoice = before != null ? sameOrder(before, order, calculation)
                    : newDraft(session, order, calculation);
            if (before == null) {
                unwritten.put(invoice, calculation);
            }
            issuable(session, tenant, invoice, issueDate, writeUnwritten).ifPresent(drafts::add);
        }
        if (!drafts.isEmpty()) {
            long first = YearlyCounter.INVOICE.reserve(session, tenant, issueDate.getYear(), drafts.size());
            Map<String, BigDecimal> fxRates = new HashMap<>();
            NewRows rows = new NewRows(InvoiceEntity.class, InvoiceLineEntity.class, InstallmentEntity.class,
                    JournalEntryEntity.class, JournalLineEntity.class);
            for (int i = 0; i < drafts.size(); i++) {
                Cleared draft = drafts.get(i);
                issue(session, tx, tenant, draft, issueDate, first + i, fxRates,
                        unwritten.containsKey(draft.invoice()) ? rows::add : session::persist);
            }
            unwritten.forEach((invoice, calculation) -> write(rows::add, invoice, calculation));
            database.insert(session, rows);
        }
        session.flush();
        session.clear();
        return drafts.size();
    }

    /**
     * A batch's customers in one query, so that the look-ups by id that follow find them in the session. H2 uses a
     * list of values only on an index's first column, and every key of ours starts with the tenant: asked for a list
     * of ids it reads all of the tenant's customers. Given a list of whole keys it looks each one up.
     */
    private static void loadCustomers(Session session, TenantId tenant, List<UUID> ids) {
        if (ids.isEmpty() || session.doReturningWork(SchemaMigration::postgres)) {
            session.findMultiple(CustomerAccountEntity.class, ids);
            return;
        }
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            keys.append(i == 0 ? "" : ", ").append("(:tenant, :id").append(i).append(')');
        }
        NativeQuery<CustomerAccountEntity> query = session.createNativeQuery(
                "select * from customer_account where (tenant_id, id) in (" + keys + ")", CustomerAccountEntity.class);
        query.setParameter("tenant", tenant.value());
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter("id" + i, ids.get(i));
        }
        query.getResultList();
    }

    @Override
    public Optional<Invoice> find(TenantId tenant, UUID invoiceId) {
        return database.inTransaction(tenant, session -> Optional.ofNullable(session.find(InvoiceEntity.class, invoiceId))
                .map(invoice -> toValue(session, invoice)));
    }

    /** Invoices without the sorted field (drafts) last either way; number and id break ties. */
    private static String orderBy(InvoiceSort sort) {
        String field = switch (sort) {
            case NUMBER, NUMBER_DESCENDING -> "v.number";
            case ISSUE_DATE, ISSUE_DATE_DESCENDING -> "v.issueDate";
            case DUE_DATE, DUE_DATE_DESCENDING -> "v.dueDate";
        };
        String direction = sort.parameter().startsWith("-") ? " desc" : "";
        return " order by case when " + field + " is null then 1 else 0 end, " + field + direction + ", v.number"
                + direction + ", v.id" + direction;
    }

    @Override
    public Page<Invoice> list(TenantId tenant, InvoiceQuery query, PageRequest page) {
        return listed(tenant, query, page, false).withoutTotals();
    }

    @Override
    public PageWithTotals<Invoice, InvoiceTotal> listWithTotals(TenantId tenant, InvoiceQuery query, PageRequest page) {
        return listed(tenant, query, page, true);
    }

    /** The page and, when asked, the totals per currency, read in one transaction so that they agree. */
    private PageWithTotals<Invoice, InvoiceTotal> listed(TenantId tenant, InvoiceQuery query, PageRequest page,
            boolean withTotals) {
        InvoiceQuery filter = query == null ? InvoiceQuery.all() : query;
        if (filter.currency() != null && !Money.isCurrency(filter.currency())) {
            throw new InvalidRequestException(FieldViolation.of("currency", "is not an ISO 4217 currency code"));
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (filter.status() != null) {
            where.append(" and v.status = :status");
        }
        if (filter.customerId() != null) {
            where.append(" and v.customerId = :customer");
        }
        if (filter.currency() != null) {
            where.append(" and v.currency = :currency");
        }
        if (filter.dueBefore() != null) {
            where.append(" and v.dueDate < :dueBefore");
        }
        if (filter.overdueOn() != null) {
            where.append(" and exists (select 1 from Installment i where i.invoiceId = v.id and i.customerId = v.customerId"
                    + " and i.open > 0 and i.dueDate < :overdueOn)");
        }
        return database.inTransaction(tenant, session -> {
            if (filter.overdueOn() != null) {
                // a semi-join over the tenant's installments, hashed; a customer filter reaches them by customerId
                WholeTenantReads.hashed(session);
            }
            var items = session.createSelectionQuery("from Invoice v" + where + orderBy(filter.sort()), InvoiceEntity.class);
            var count = session.createSelectionQuery("select count(*) from Invoice v" + where, Long.class);
            var totals = session.createSelectionQuery("select v.currency, count(*), sum(v.gross), sum(v.open) from Invoice v"
                    + where + " group by v.currency order by v.currency", Object[].class);
            for (var selection : withTotals ? List.of(items, count, totals) : List.of(items, count)) {
                if (filter.status() != null) {
                    selection.setParameter("status", filter.status());
                }
                if (filter.customerId() != null) {
                    selection.setParameter("customer", filter.customerId());
                }
                if (filter.currency() != null) {
                    selection.setParameter("currency", filter.currency());
                }
                if (filter.dueBefore() != null) {
                    selection.setParameter("dueBefore", filter.dueBefore());
                }
                if (filter.overdueOn() != null) {
                    selection.setParameter("overdueOn", filter.overdueOn());
                }
            }
            List<InvoiceEntity> invoices = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
            Page<Invoice> listed = new Page<>(toValues(session, invoices), page.page(), page.size(), count.getSingleResult());
            List<InvoiceTotal> perCurrency = !withTotals ? List.of() : totals.getResultStream().map(row -> {
                String currency = (String) row[0];
                return new InvoiceTotal(currency, (Long) row[1], Money.of((BigDecimal) row[2], currency),
                        Money.of((BigDecimal) row[3], currency));
            }).toList();
            return new PageWithTotals<>(listed, perCurrency);
        });
    }

    /**
     * Invoices and issues one order in the caller's transaction, for flows that record more in it; the host hears
     * of the invoice once that transaction has committed, if it was issued now rather than found issued.
     *
     * @return the invoice's id
     */
    public UUID invoiceAndIssue(Session session, UnitOfWork tx, TenantId tenant, SalesOrder order, LocalDate issueDate) {
        InvoiceEntity invoice = draft(session, order, InvoiceCalculation.of(order), byOrder(session, order.orderId()));
        Optional<Cleared> cleared = issuable(session, tenant, invoice, issueDate);
        if (cleared.isPresent()) {
            issue(session, tx, tenant, cleared.get(), issueDate, YearlyCounter.INVOICE.reserve(session, tenant,
                    issueDate.getYear(), 1), new HashMap<>(), session::persist);
        }
        session.flush();
        return invoice.id;
    }

    /** The id of the invoice issued for {@code order} before, provided the order says the same as then. */
    public Optional<UUID> issuedFor(Session session, SalesOrder order) {
        return byOrder(session, order.orderId()).map(invoice -> sameOrder(invoice, order, InvoiceCalculation.of(order)))
                .filter(invoice -> invoice.status != InvoiceStatus.DRAFT).map(invoice -> requireNotCanceled(invoice).id);
    }

    /** The invoice in the caller's session. */
    public Invoice read(Session session, UUID invoiceId) {
        return toValue(session, session.find(InvoiceEntity.class, invoiceId));
    }

    /** The draft for {@code order}: a new one, written, or {@code existing}, the one the same order already has. */
    private InvoiceEntity draft(Session session, SalesOrder order, InvoiceCalculation calculation,
            Optional<InvoiceEntity> existing) {
        if (existing.isPresent()) {
            return sameOrder(existing.get(), order, calculation);
        }
        InvoiceEntity invoice = newDraft(session, order, calculation);
        write(session, invoice, calculation);
        return invoice;
    }

    /** A new draft for {@code order}, not written yet. */
    private InvoiceEntity newDraft(Session session, SalesOrder order, InvoiceCalculation calculation) {
        CustomerAccountEntity customer = session.find(CustomerAccountEntity.class, order.customerId());
        if (customer == null) {
            throw new InvalidRequestException(FieldViolation.of("customerId", "is not a customer of this tenant"));
        }
        String termsCode = order.termsCode() != null && !order.termsCode().isBlank() ? order.termsCode().trim()
                : customer.paymentTermsCode() != null ? customer.paymentTermsCode() : DEFAULT_TERMS;
        terms(session, termsCode);
        Instant now = now();
        InvoiceEntity invoice = new InvoiceEntity();
        invoice.id = UUID.randomUUID();
        invoice.orderId = order.orderId().trim();
        invoice.customerId = order.customerId();
        invoice.currency = order.currency();
        invoice.status = InvoiceStatus.DRAFT;
        invoice.termsCode = termsCode;
        invoice.orderDate = order.orderDate();
        invoice.salesperson = order.salesperson() != null && !order.salesperson().isBlank() ? order.salesperson().trim()
                : customer.salesperson();
        invoice.net = calculation.net().amount();
        invoice.tax = calculation.tax().amount();
        invoice.gross = calculation.gross().amount();
        invoice.open = calculation.gross().amount();
        invoice.createdAt = now;
        invoice.updatedAt = now;
        return invoice;
    }

    private static void write(Session session, InvoiceEntity invoice, InvoiceCalculation calculation) {
        write(session::persist, invoice, calculation);
    }

    private static void write(Consumer<Object> rows, InvoiceEntity invoice, InvoiceCalculation calculation) {
        rows.accept(invoice);
        calculation.lines().forEach(line -> rows.accept(new InvoiceLineEntity(invoice.id, line)));
    }

    /** {@code invoice} cleared for issue on {@code issueDate} if it is a draft that may be; refuses what never may. */
    private Optional<Cleared> issuable(Session session, TenantId tenant, InvoiceEntity invoice, LocalDate issueDate) {
        return issuable(session, tenant, invoice, issueDate, () -> { });
    }

    /** A draft cleared for issue, with the credit check that cleared it, or null when none had to run. */
    private record Cleared(InvoiceEntity invoice, CreditDecision check) {
    }

    /**
     * As {@link #issuable(Session, TenantId, InvoiceEntity, LocalDate)}; {@code writeUnwritten} writes this
     * transaction's drafts that are not written yet, which a credit check must count among the confirmed orders.
     */
    private Optional<Cleared> issuable(Session session, TenantId tenant, InvoiceEntity invoice, LocalDate issueDate,
            Runnable writeUnwritten) {
        if (requireNotCanceled(invoice).status != InvoiceStatus.DRAFT) {
            return Optional.empty();
        }
        if (issueDate.isBefore(invoice.orderDate)) {
            throw new InvalidRequestException(FieldViolation.of("issueDate", "must not be before the order date "
                    + invoice.orderDate));
        }
        CustomerAccountEntity customer = session.find(CustomerAccountEntity.class, invoice.customerId);
        if (StoredCreditControl.mayBlock(customer) && tenants.settings(tenant).creditCheckBlocks()) {
            // The draft being issued already counts among the confirmed orders.
            writeUnwritten.run();
            CreditDecision decision = credit.check(session, customer, Money.zero(customer.currency()));
            if (decision.outcome() == CreditOutcome.BLOCK) {
                throw new ConflictException("the credit check blocks invoice " + invoice.orderId + ": "
                        + String.join("; ", decision.reasons()));
            }
            return Optional.of(new Cleared(invoice, decision));
        }
        return Optional.of(new Cleared(invoice, null));
    }

    private static InvoiceEntity requireNotCanceled(InvoiceEntity invoice) {
        if (invoice.status == InvoiceStatus.CANCELED) {
            throw new ConflictException("invoice " + invoice.number + " is canceled and cannot be issued");
        }
        return invoice;
    }

    /**
     * Numbers the draft, schedules its installments from its terms and posts the journal entry, handing their rows
     * to {@code rows}; takes the exchange rate from {@code fxRates}, a batch's rates of {@code issueDate} by
     * currency, or adds it there.
     */
    private void issue(Session session, UnitOfWork tx, TenantId tenant, Cleared draft, LocalDate issueDate,
            long sequence, Map<String, BigDecimal> fxRates, Consumer<Object> rows) {
        issue(session, tx, tenant, draft, issueDate, sequence, fxRates, rows, JournalEntryKind.INVOICE_ISSUED,
                issueLines(draft.invoice()));
    }

    /**
     * Charges a dunning fee or interest in the caller's transaction as an item of its own: an issued invoice of one
     * line without tax, due by {@code charge}'s terms and journalled Dr receivable, Cr fee or interest income, so
     * that statements, aging and payments treat it as any invoice. Idempotent per {@link Charge#key()}: the item
     * charged under the key before is answered.
     */
    public Invoice charge(Session session, UnitOfWork tx, TenantId tenant, Charge charge) {
        SalesOrder order = new SalesOrder(charge.key(), charge.customerId(), charge.amount().currency(), charge.date(),
                charge.termsCode(), List.of(new OrderLine(charge.kind().name(), charge.description(), BigDecimal.ONE,
                        charge.amount().amount(), null, null)));
        InvoiceCalculation calculation = InvoiceCalculation.of(order);
        Optional<InvoiceEntity> earlier = byOrder(session, charge.key());
        if (earlier.isPresent()) {
            return toValue(session, sameOrder(earlier.get(), order, calculation));
        }
        InvoiceEntity invoice = newDraft(session, order, calculation);
        write(session, invoice, calculation);
        issue(session, tx, tenant, new Cleared(invoice, null), charge.date(), YearlyCounter.INVOICE.reserve(session, tenant,
                charge.date().getYear(), 1), new HashMap<>(), session::persist, charge.kind().journalKind, List.of(
                JournalLine.debit(Account.RECEIVABLE, charge.amount()),
                JournalLine.credit(charge.kind().income, charge.amount())));
        session.flush();
        return toValue(session, invoice);
    }

    /**
     * A fee or interest to charge.
     *
     * @param key an idempotency key, unique per tenant among orders and charges
     */
    public record Charge(String key, ChargeKind kind, UUID customerId, Money amount, String description,
            String termsCode, LocalDate date) {
    }

    /** What a charge is for, and how it is journalled. */
    public enum ChargeKind {
        DUNNING_FEE(JournalEntryKind.DUNNING_FEE_CHARGED, Account.FEE_INCOME),
        INTEREST(JournalEntryKind.INTEREST_CHARGED, Account.INTEREST_INCOME);

        final JournalEntryKind journalKind;
        final Account income;

        ChargeKind(JournalEntryKind journalKind, Account income) {
            this.journalKind = journalKind;
            this.income = income;
        }
    }

    /** The issue as the one above does it, with a journal entry of {@code kind} and {@code lines}. */
    private void issue(Session session, UnitOfWork tx, TenantId tenant, Cleared draft, LocalDate issueDate,
            long sequence, Map<String, BigDecimal> fxRates, Consumer<Object> rows, JournalEntryKind kind,
            List<JournalLine> lines) {
        InvoiceEntity invoice = draft.invoice();
        String functional = tenants.settings(tenant).functionalCurrency();
        if (!invoice.currency.equals(functional)) {
            invoice.fxRate = fxRates.computeIfAbsent(invoice.currency,
                    currency -> rates.requiredRate(session, currency, functional, issueDate, "issueDate"));
        }
        invoice.numbered(tenants.settings(tenant).invoiceNumber(issueDate, sequence));
        invoice.issueDate = issueDate;
        invoice.status = InvoiceLifecycle.TRANSITIONS.move(invoice.status, InvoiceStatus.ISSUED);
        invoice.updatedAt = now();
        List<ScheduledInstallment> schedule = terms(session, invoice.termsCode).schedule(invoice.money(invoice.gross), issueDate);
        for (ScheduledInstallment scheduled : schedule) {
            rows.accept(new InstallmentEntity(invoice, new Installment(scheduled.sequence(), scheduled.dueDate(),
                    scheduled.amount(), scheduled.amount(), scheduled.discountUntil(), scheduled.discountAmount())));
        }
        invoice.dueDate = schedule.get(schedule.size() - 1).dueDate();
        journal.post(session, rows, issueDate, kind, invoice.number, lines);
        events.afterCommit(tx, EventTopics.INVOICE_ISSUED, Map.of(EventTopics.TENANT, tenant.value(), EventTopics.ID,
                invoice.id.toString(), EventTopics.INVOICE_NUMBER, invoice.number, EventTopics.CUSTOMER_ID,
                invoice.customerId.toString(), EventTopics.CURRENCY, invoice.currency, EventTopics.AMOUNT,
                invoice.money(invoice.gross).amount().toPlainString()));
        announceExceededLimit(session, tx, tenant, draft);
    }

    /**
     * An invoice issued while the customer owes more than its credit limit (the tenant's credit check only warns,
     * or the invoice is a dunning charge) is announced as {@link EventTopics#CREDIT_LIMIT_EXCEEDED}.
     */
    private void announceExceededLimit(Session session, UnitOfWork tx, TenantId tenant, Cleared draft) {
        InvoiceEntity invoice = draft.invoice();
        CustomerAccountEntity customer = session.find(CustomerAccountEntity.class, invoice.customerId);
        if (customer.creditLimit() == null) {
            return;
        }
        // The exposure the check before the issue found, the draft already counted, when one ran.
        CreditDecision decision = draft.check() != null ? draft.check()
                : credit.check(session, customer, Money.zero(customer.currency()));
        if (decision.limit() != null && decision.exposure().compareTo(decision.limit()) > 0) {
            events.afterCommit(tx, EventTopics.CREDIT_LIMIT_EXCEEDED, Map.of(EventTopics.TENANT, tenant.value(),
                    EventTopics.ID, invoice.id.toString(), EventTopics.INVOICE_ID, invoice.id.toString(),
                    EventTopics.INVOICE_NUMBER, invoice.number, EventTopics.CUSTOMER_ID, customer.id().toString(),
                    EventTopics.CURRENCY, decision.exposure().currency(),
                    EventTopics.AMOUNT, decision.exposure().amount().toPlainString(),
                    EventTopics.LIMIT, decision.limit().amount().toPlainString()));
        }
    }

    static List<JournalLine> issueLines(InvoiceEntity invoice) {
        List<JournalLine> lines = new ArrayList<>();
        lines.add(JournalLine.debit(Account.RECEIVABLE, invoice.money(invoice.gross)));
        lines.add(JournalLine.credit(Account.REVENUE, invoice.money(invoice.net)));
        if (invoice.money(invoice.tax).isPositive()) {
            lines.add(JournalLine.credit(Account.TAX_PAYABLE, invoice.money(invoice.tax)));
        }
        return lines;
    }

    private PaymentTerms terms(Session session, String code) {
        return paymentTerms.find(session, code).orElseThrow(() -> new InvalidRequestException(FieldViolation.of("termsCode",
                "is not a payment terms code of this tenant; standard ones are "
                        + PaymentTerms.standard().stream().map(PaymentTerms::code).collect(Collectors.joining(", ")))));
    }

    private static Optional<InvoiceEntity> byOrder(Session session, String orderId) {
        return session.createSelectionQuery("from Invoice v where v.orderId = :order", InvoiceEntity.class)
                .setParameter("order", orderId.trim()).uniqueResultOptional();
    }

    /** The invoice already made for this order, provided the order says the same as then. */
    private static InvoiceEntity sameOrder(InvoiceEntity invoice, SalesOrder order, InvoiceCalculation calculation) {
        if (!invoice.customerId.equals(order.customerId()) || !invoice.currency.equals(order.currency())
                || invoice.money(invoice.gross).compareTo(calculation.gross()) != 0) {
            throw new ConflictException("order " + order.orderId() + " was already invoiced with other content (invoice "
                    + (invoice.number == null ? invoice.id : invoice.number) + ")");
        }
        return invoice;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static Invoice toValue(Session session, InvoiceEntity invoice) {
        return toValues(session, List.of(invoice)).get(0);
    }

    static List<Invoice> toValues(Session session, List<InvoiceEntity> invoices) {
        if (invoices.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = invoices.stream().map(invoice -> invoice.id).toList();
        Map<UUID, List<InvoiceLineEntity>> lines = session.createSelectionQuery(
                        "from InvoiceLine l where l.invoiceId in :ids order by l.invoiceId, l.lineNumber", InvoiceLineEntity.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.groupingBy(line -> line.invoiceId));
        Map<UUID, List<InstallmentEntity>> installments = session.createSelectionQuery(
                        "from Installment i where i.invoiceId in :ids order by i.invoiceId, i.sequence", InstallmentEntity.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.groupingBy(installment -> installment.invoiceId));
        return invoices.stream().map(invoice -> new Invoice(invoice.id, invoice.number, invoice.orderId, invoice.customerId,
                invoice.currency, invoice.status, invoice.termsCode, invoice.orderDate, invoice.issueDate, invoice.dueDate,
                invoice.money(invoice.net), invoice.money(invoice.tax), invoice.money(invoice.gross), invoice.money(invoice.open),
                lines.getOrDefault(invoice.id, List.of()).stream().map(line -> line.toValue(invoice.currency)).toList(),
                installments.getOrDefault(invoice.id, List.of()).stream().map(InstallmentEntity::toValue).toList(),
                invoice.version, invoice.salesperson)).toList();
    }
}
