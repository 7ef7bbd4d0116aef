package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.LockModeType;

import receivables.api.ConflictException;
import receivables.api.EventTopics;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.PageRequest;
import receivables.api.PageWithTotals;
import receivables.api.TenantId;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.journal.Account;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.api.payment.Allocation;
import receivables.api.payment.AllocationState;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentFilter;
import receivables.api.payment.PaymentRefund;
import receivables.api.payment.PaymentRefundRequest;
import receivables.api.payment.PaymentRequest;
import receivables.api.payment.PaymentStatus;
import receivables.api.payment.PaymentTotal;
import receivables.api.payment.Payments;
import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.UnitOfWork;
import receivables.impl.persistence.internal.YearlyCounter;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TenantSettings;
import receivables.impl.validation.internal.Violations;

/**
 * Records payments and allocates them. The invoices concerned are locked (in id order, so that two
 * payments never wait on each other in a circle) before anything is read from them: two clerks or two
 * nodes paying the same invoice take turns, and the second sees what the first left open. What an allocation
 * leaves open on an installment within the tenant's tolerance is written off in the same transaction.
 */
@Component(service = { Payments.class, StoredPayments.class })
public class StoredPayments implements Payments {

    private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final Comparator<InstallmentEntity> OLDEST_DUE_FIRST = Comparator.comparing(InstallmentEntity::dueDate)
            .thenComparing(InstallmentEntity::invoiceId).thenComparing(InstallmentEntity::sequence);
    private static final List<InvoiceStatus> OPEN = List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);

    private final Database database;
    private final JournalPostings journal;
    private final BusinessEvents events;
    private final StoredExchangeRates rates;
    private final TenantDirectory tenants;
    private final StoredWriteOffs writeOffs;

    @Activate
    public StoredPayments(@Reference Database database, @Reference JournalPostings journal,
            @Reference BusinessEvents events, @Reference StoredExchangeRates rates, @Reference TenantDirectory tenants,
            @Reference StoredWriteOffs writeOffs) {
        this.database = database;
        this.journal = journal;
        this.events = events;
        this.rates = rates;
        this.tenants = tenants;
        this.writeOffs = writeOffs;
    }

    Clock clock = Clock.systemUTC();

    @Override
    public Payment record(TenantId tenant, PaymentRequest details) {
        validate(details);
        // A key is new far more often than it is sent again, so the payment is booked without first looking for an
        // earlier one: a key used before makes the booking fail (the key's unique index, or an invoice its payment
        // paid since), which rolls it back with its number, and the earlier payment under the key answers.
        try {
            return database.inTransaction(tenant, (Database.Work<Payment>) (session, tx) -> recordNew(session, tx, tenant,
                    details));
        } catch (ConflictException concurrent) {
            return database.once(tenant, details.idempotencyKey(), (session, key) -> earlier(session, details),
                    (session, tx) -> recordNew(session, tx, tenant, details));
        } catch (InvalidRequestException refused) {
            return database.inTransaction(tenant, session -> earlier(session, details)).orElseThrow(() -> refused);
        }
    }

    /**
     * Records a payment in the caller's transaction, for flows that record more in it; the host hears of it once
     * that transaction has committed.
     */
    public Payment record(Session session, UnitOfWork tx, TenantId tenant, PaymentRequest details) {
        validate(details);
        return earlier(session, details).orElseGet(() -> recordNew(session, tx, tenant, details));
    }

    /** The payment recorded earlier under the key of {@code details}, provided it was the same payment. */
    public Optional<Payment> earlier(Session session, PaymentRequest details) {
        return byKey(session, details.idempotencyKey()).map(earlier -> replay(session, earlier, details));
    }

    @Override
    public Optional<Payment> find(TenantId tenant, UUID paymentId) {
        return database.inTransaction(tenant, session -> Optional.ofNullable(session.find(PaymentEntity.class, paymentId))
                .map(payment -> toValue(session, payment)));
    }

    @Override
    public Payment unallocate(TenantId tenant, UUID paymentId, UUID allocationId, String reason, LocalDate date) {
        requireReason(reason, date);
        return database.inTransaction(tenant, session -> {
            PaymentEntity payment = lockedPayment(session, paymentId);
            requireNotBeforeValueDate(payment, date);
            AllocationEntity allocation = session.find(AllocationEntity.class, allocationId);
            if (allocation == null || !paymentId.equals(allocation.paymentId) || allocation.reversesId != null) {
                throw new NotFoundException("allocation", allocationId);
            }
            takeBack(session, payment, List.of(allocation), reason.trim(), date);
            session.flush();
            return toValue(session, payment);
        });
    }

    @Override
    public Payment applyCredit(TenantId tenant, UUID paymentId, List<AllocationTarget> targets, LocalDate date) {
        List<AllocationTarget> wanted = targets == null ? List.of() : targets;
        if (date == null) {
            throw new InvalidRequestException(FieldViolation.of("date", "is required"));
        }
        return database.inTransaction(tenant, (session, tx) -> {
            PaymentEntity payment = lockedPayment(session, paymentId);
            if (payment.status != PaymentStatus.RECEIVED || !payment.unallocated().isPositive()) {
                throw new ConflictException("payment " + paymentId + " has no credit left to apply");
            }
            requireNotBeforeValueDate(payment, date);
            validate(new PaymentRequest(payment.idempotencyKey, payment.customerId, payment.method, payment.amount(),
                    date, null, wanted));
            applyCredit(session, tx, tenant, payment, wanted, date, clock.instant().truncatedTo(ChronoUnit.MICROS));
            session.flush();
            return toValue(session, payment);
        });
    }

    @Override
    public Payment reverse(TenantId tenant, UUID paymentId, String reason, LocalDate date) {
        requireReason(reason, date);
        return database.inTransaction(tenant, session -> {
            PaymentEntity payment = lockedPayment(session, paymentId);
            if (payment.status == PaymentStatus.REVERSED) {
                return toValue(session, payment);
            }
            requireNotBeforeValueDate(payment, date);
            takeBack(session, payment, liveAllocations(session, paymentId), reason.trim(), date);
            // What refunds paid back already is not reversed again.
            Money left = payment.unallocated();
            if (left.isPositive()) {
                journal.post(session, date, JournalEntryKind.PAYMENT_REVERSED, payment.number, List.of(
                        JournalLine.debit(Account.CUSTOMER_CREDIT, left), JournalLine.credit(Account.CASH, left)));
            }
            payment.unallocated = BigDecimal.ZERO;
            payment.status = PaymentStatus.REVERSED;
            payment.reversedOn = date;
            payment.reversalReason = reason.trim();
            session.flush();
            return toValue(session, payment);
        });
    }

    @Override
    public PaymentRefund refund(TenantId tenant, UUID paymentId, PaymentRefundRequest refund) {
        validate(refund);
        return database.once(tenant, refund.idempotencyKey(), (session, key) -> earlier(session, paymentId, refund),
                (session, tx) -> refundNew(session, tx, tenant, paymentId, refund));
    }

    /** Refunds in the caller's transaction, as {@link #refund(TenantId, UUID, PaymentRefundRequest)} does in its own. */
    public PaymentRefund refund(Session session, UnitOfWork tx, TenantId tenant, UUID paymentId, PaymentRefundRequest refund) {
        validate(refund);
        return earlier(session, paymentId, refund).orElseGet(() -> refundNew(session, tx, tenant, paymentId, refund));
    }

    private static Optional<PaymentRefund> earlier(Session session, UUID paymentId, PaymentRefundRequest refund) {
        return refundByKey(session, refund.idempotencyKey()).map(earlier -> replay(earlier, paymentId, refund));
    }

    /**
     * The money comes out of the payment's credit first; what the credit lacks comes from its allocations, newest
     * first: they are taken back whole and what was taken back beyond the refund goes again to the same invoices.
     */
    private PaymentRefund refundNew(Session session, UnitOfWork tx, TenantId tenant, UUID paymentId,
            PaymentRefundRequest refund) {
        PaymentEntity payment = lockedPayment(session, paymentId);
        if (payment.status == PaymentStatus.REVERSED) {
            throw new ConflictException("payment " + paymentId + " was reversed; nothing is left to refund");
        }
        if (!refund.amount().currency().equals(payment.currency)) {
            throw new InvalidRequestException(FieldViolation.of("amount", "must be in the payment's currency "
                    + payment.currency));
        }
        requireNotBeforeValueDate(payment, refund.date());
        Money refundedBefore = refunds(session, paymentId).stream().map(PaymentRefund::amount)
                .reduce(Money.zero(payment.currency), Money::plus);
        Money left = payment.amount().minus(refundedBefore);
        if (refund.amount().compareTo(left) > 0) {
            throw new InvalidRequestException(FieldViolation.of("amount", "is more than the " + left
                    + " left of the payment"));
        }
        Money shortfall = refund.amount().minus(payment.unallocated());
        List<AllocationEntity> takenBack = new ArrayList<>();
        if (shortfall.isPositive()) {
            Money covered = Money.zero(payment.currency);
            for (AllocationEntity allocation : liveAllocations(session, paymentId).stream()
                    .sorted(Comparator.comparing((AllocationEntity allocation) -> allocation.allocatedAt).reversed())
                    .toList()) {
                if (covered.compareTo(shortfall) >= 0) {
                    break;
                }
                takenBack.add(allocation);
                covered = covered.plus(Money.of(allocation.amount, payment.currency));
            }
            takeBack(session, payment, takenBack, "refund: " + refund.reason().trim(), refund.date());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PaymentRefundEntity refunded = new PaymentRefundEntity(paymentId, refund, now);
        session.persist(refunded);
        payment.allocate(refund.amount());
        journal.post(session, refund.date(), JournalEntryKind.PAYMENT_REFUNDED, payment.number, List.of(
                JournalLine.debit(Account.CUSTOMER_CREDIT, refund.amount()),
                JournalLine.credit(Account.CASH, refund.amount())));
        if (!takenBack.isEmpty() && payment.unallocated().isPositive()) {
            List<AllocationTarget> sameInvoices = takenBack.stream().map(allocation -> allocation.invoiceId).distinct()
                    .map(invoice -> new AllocationTarget(invoice, null, null)).toList();
            applyCredit(session, tx, tenant, payment, sameInvoices, refund.date(), now);
        }
        session.flush();
        return refunded.toValue();
    }

    @Override
    public List<PaymentRefund> refunds(TenantId tenant, UUID paymentId) {
        return database.inTransaction(tenant, session -> {
            if (session.find(PaymentEntity.class, paymentId) == null) {
                throw new NotFoundException("payment", paymentId);
            }
            return refunds(session, paymentId);
        });
    }

    private static List<PaymentRefund> refunds(Session session, UUID paymentId) {
        return session.createSelectionQuery("from PaymentRefund r where r.paymentId = :payment order by r.createdAt",
                        PaymentRefundEntity.class)
                .setParameter("payment", paymentId).getResultStream().map(PaymentRefundEntity::toValue).toList();
    }

    private static Optional<PaymentRefundEntity> refundByKey(Session session, String key) {
        return session.createSelectionQuery("from PaymentRefund r where r.idempotencyKey = :key", PaymentRefundEntity.class)
                .setParameter("key", key).uniqueResultOptional();
    }

    private static PaymentRefund replay(PaymentRefundEntity earlier, UUID paymentId, PaymentRefundRequest refund) {
        if (!earlier.sameAs(paymentId, refund)) {
            throw new ConflictException("idempotency key " + refund.idempotencyKey()
                    + " was already used for a different refund (" + earlier.id + ")");
        }
        return earlier.toValue();
    }

    private static void validate(PaymentRefundRequest refund) {
        Violations violations = new Violations();
        if (refund == null) {
            violations.add("body", "is required").throwIfAny();
        }
        violations.required("idempotencyKey", refund.idempotencyKey())
                .maxLength("idempotencyKey", refund.idempotencyKey(), 128)
                .required("amount", refund.amount())
                .required("date", refund.date())
                .required("reason", refund.reason())
                .maxLength("reason", refund.reason(), 200);
        if (refund.amount() != null && !refund.amount().isPositive()) {
            violations.add("amount", "must be positive");
        }
        violations.throwIfAny();
    }

    private void applyCredit(Session session, UnitOfWork tx, TenantId tenant, PaymentEntity payment,
            List<AllocationTarget> targets, LocalDate date, Instant now) {
        List<InstallmentEntity> candidates = lockedCandidates(session, payment.customerId, payment.currency, targets);
        Allocated allocated = allocate(session, tx, tenant, payment, candidates,
                discountedBefore(session, candidates, date), targets, date, now);
        if (allocated.amount().isPositive()) {
            journal.post(session, date, JournalEntryKind.CREDIT_APPLIED, payment.number, List.of(
                    JournalLine.debit(Account.CUSTOMER_CREDIT, allocated.amount()),
                    JournalLine.credit(Account.RECEIVABLE, allocated.amount())));
        }
        allocated.settle().run();
    }

    /** The payment's allocations that were not taken back. */
    private static List<AllocationEntity> liveAllocations(Session session, UUID paymentId) {
        List<UUID> takenBack = session.createSelectionQuery("select a.reversesId from Allocation a"
                        + " where a.paymentId = :payment and a.reversesId is not null", UUID.class)
                .setParameter("payment", paymentId).getResultList();
        return session.createSelectionQuery(
                        "from Allocation a where a.paymentId = :payment and a.reversesId is null", AllocationEntity.class)
                .setParameter("payment", paymentId).getResultStream()
                .filter(allocation -> !takenBack.contains(allocation.id)).toList();
    }

    /**
     * Takes {@code allocations} back: each installment and invoice opens again (locked invoices first, in id
     * order, as allocating locks them), each reversal is recorded, and the money returns to the payment's credit.
     */
    private void takeBack(Session session, PaymentEntity payment, List<AllocationEntity> allocations, String reason,
            LocalDate date) {
        if (allocations.isEmpty()) {
            return;
        }
        boolean reversedBefore = !session.createSelectionQuery(
                        "select a.id from Allocation a where a.reversesId in :ids", UUID.class)
                .setParameter("ids", allocations.stream().map(allocation -> allocation.id).toList()).getResultList().isEmpty();
        if (reversedBefore) {
            throw new ConflictException("an allocation of payment " + payment.id + " was taken back already");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<UUID, InvoiceEntity> invoices = new LinkedHashMap<>();
        allocations.stream().map(allocation -> allocation.invoiceId).distinct().sorted()
                .forEach(id -> invoices.put(id, Database.locked(session, InvoiceEntity.class, id)));
        Money total = Money.zero(payment.currency);
        for (AllocationEntity allocation : allocations) {
            Money amount = Money.of(allocation.amount, payment.currency);
            Database.locked(session, InstallmentEntity.class, allocation.installmentId).reopen(amount);
            invoices.get(allocation.invoiceId).reopen(amount, now);
            session.persist(allocation.reversal(reason, date, now));
            total = total.plus(amount);
        }
        payment.allocate(total.negate());
        journal.post(session, date, JournalEntryKind.ALLOCATION_REVERSED, payment.number, List.of(
                JournalLine.debit(Account.RECEIVABLE, total), JournalLine.credit(Account.CUSTOMER_CREDIT, total)));
    }

    private static void requireNotBeforeValueDate(PaymentEntity payment, LocalDate date) {
        if (date.isBefore(payment.valueDate)) {
            throw new InvalidRequestException(FieldViolation.of("date", "must not be before the payment's value date "
                    + payment.valueDate));
        }
    }

    private static PaymentEntity lockedPayment(Session session, UUID paymentId) {
        PaymentEntity payment = Database.locked(session, PaymentEntity.class, paymentId);
        if (payment == null) {
            throw new NotFoundException("payment", paymentId);
        }
        return payment;
    }

    private static void requireReason(String reason, LocalDate date) {
        new Violations().required("reason", reason).maxLength("reason", reason, 200).required("date", date).throwIfAny();
    }

    /**
     * Records a new payment. Its number is taken after the invoices it may go to are locked, so that payments
     * always lock invoices before the tenant's payment counter and never wait on each other in a circle.
     */
    private Payment recordNew(Session session, UnitOfWork tx, TenantId tenant, PaymentRequest details) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<InstallmentEntity> candidates = lockedCandidates(session, details.customerId(),
                details.amount().currency(), details.allocateTo());
        // An open installment of the customer's proves the customer: an invoice is issued only to a customer of its
        // tenant, and customers are never deleted. Only a payment with nothing to go to asks.
        if (candidates.isEmpty()) {
            requireCustomers(session, List.of(details.customerId()));
        }
        long number = YearlyCounter.PAYMENT.reserve(session, tenant, details.valueDate().getYear(), 1);
        Booked booked = book(session, tx, tenant, details, number, candidates,
                discountedBefore(session, candidates, details.valueDate()), now);
        session.flush();
        // What was just booked is all in the session: reading it back would hold the payment counter's lock
        // for two more round trips.
        return booked.payment().toValue(booked.allocations());
    }

    /** Refuses the request unless every one of {@code customerIds} is a customer of the session's tenant. */
    private static void requireCustomers(Session session, List<UUID> customerIds) {
        Set<UUID> known = Set.copyOf(session.createSelectionQuery("select c.id from CustomerAccount c"
                        + " where c.id in :customers", UUID.class)
                .setParameterList("customers", customerIds).getResultList());
        if (!known.containsAll(customerIds)) {
            throw unknownCustomer();
        }
    }

    /**
     * Records payments in the caller's transaction as {@link #record(Session, UnitOfWork, TenantId, PaymentRequest)}
     * does one after the other, with the same numbers, allocations, journal entries, audit records and events, in a
     * few round trips for all of them: earlier payments and customers are looked up, the invoices named locked (in
     * id order, before the payment counter) and the numbers reserved once for the whole list; the rows go in JDBC
     * batches. Each payment names the invoices it pays. The session is flushed between two payments only where the
     * second pays an invoice the first changed, so that the audit trail records each payment's changes as recording
     * them one by one does.
     *
     * @return the payments in the order of {@code requests}; a key used twice gives the same payment twice
     */
    public List<Payment> recordAll(Session session, UnitOfWork tx, TenantId tenant, List<PaymentRequest> requests) {
        requests.forEach(StoredPayments::validate);
        if (requests.stream().anyMatch(details -> details.allocateTo().isEmpty())) {
            throw new IllegalArgumentException("each payment recorded with others names the invoices it pays");
        }
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<String, PaymentEntity> byKey = new HashMap<>();
        session.createSelectionQuery("from Payment p where p.idempotencyKey in :keys", PaymentEntity.class)
                .setParameterList("keys", requests.stream().map(PaymentRequest::idempotencyKey).distinct().toList())
                .getResultStream().forEach(earlier -> byKey.put(earlier.idempotencyKey, earlier));
        Map<String, PaymentRequest> fresh = new LinkedHashMap<>();
        requests.stream().filter(details -> !byKey.containsKey(details.idempotencyKey()))
                .forEach(details -> fresh.putIfAbsent(details.idempotencyKey(), details));
        Map<UUID, Payment> values = new HashMap<>();
        if (!fresh.isEmpty()) {
            // What is booked here is all in the session: only the earlier payments are read back.
            recordFresh(session, tx, tenant, List.copyOf(fresh.values())).forEach(booked -> {
                byKey.put(booked.payment().idempotencyKey, booked.payment());
                values.put(booked.payment().id, booked.payment().toValue(booked.allocations()));
            });
        }
        session.flush();
        for (PaymentRequest details : requests) {
            if (!byKey.get(details.idempotencyKey()).sameAs(details)) {
                throw new ConflictException("idempotency key " + details.idempotencyKey()
                        + " was already used for a different payment (" + byKey.get(details.idempotencyKey()).id + ")");
            }
        }
        List<PaymentEntity> earlier = requests.stream().map(details -> byKey.get(details.idempotencyKey()))
                .filter(payment -> !values.containsKey(payment.id)).distinct().toList();
        List<Payment> replayed = toValues(session, earlier);
        for (int i = 0; i < earlier.size(); i++) {
            values.put(earlier.get(i).id, replayed.get(i));
        }
        return requests.stream().map(details -> values.get(byKey.get(details.idempotencyKey()).id)).toList();
    }

    /** Books payments no earlier one has the key of, each to the invoices it names; see {@link #recordAll}. */
    private List<Booked> recordFresh(Session session, UnitOfWork tx, TenantId tenant,
            List<PaymentRequest> requests) {
        requireCustomers(session, requests.stream().map(PaymentRequest::customerId).distinct().toList());
        Map<UUID, InvoiceEntity> invoices = new LinkedHashMap<>();
        lockedInvoices(session, requests.stream().flatMap(details -> details.allocateTo().stream())
                .map(AllocationTarget::invoiceId).distinct().sorted().toList())
                .forEach(invoice -> invoices.put(invoice.id(), invoice));
        Map<UUID, List<InstallmentEntity>> installments = new HashMap<>();
        List<InstallmentEntity> openInstallments = lockedOpenInstallments(session, List.copyOf(invoices.keySet()));
        openInstallments.forEach(installment -> installments.computeIfAbsent(installment.invoiceId(), id -> new ArrayList<>())
                .add(installment));
        Map<Integer, Long> numbers = new TreeMap<>();
        requests.forEach(details -> numbers.merge(details.valueDate().getYear(), 1L, Long::sum));
        numbers.replaceAll((year, count) -> YearlyCounter.PAYMENT.reserve(session, tenant, year, Math.toIntExact(count)));
        Set<UUID> discountedBefore = discountedBefore(session, openInstallments, requests.stream().map(PaymentRequest::valueDate)
                .min(Comparator.naturalOrder()).orElseThrow());
        List<Booked> booked = new ArrayList<>(requests.size());
        Set<UUID> changedSinceFlush = new HashSet<>();
        for (PaymentRequest details : requests) {
            List<UUID> named = details.allocateTo().stream().map(AllocationTarget::invoiceId).distinct().toList();
            if (named.stream().anyMatch(changedSinceFlush::contains)) {
                session.flush();
                changedSinceFlush.clear();
            }
            changedSinceFlush.addAll(named);
            List<InstallmentEntity> candidates = named.stream().map(invoices::get)
                    .filter(invoice -> invoice != null && open(invoice, details.customerId(), details.amount().currency()))
                    .flatMap(invoice -> installments.getOrDefault(invoice.id(), List.of()).stream())
                    .filter(installment -> installment.open().isPositive())
                    .sorted(OLDEST_DUE_FIRST).toList();
            int year = details.valueDate().getYear();
            long number = numbers.merge(year, 1L, Long::sum) - 1;
            booked.add(book(session, tx, tenant, details, number, candidates, discountedBefore,
                    clock.instant().truncatedTo(ChronoUnit.MICROS)));
        }
        return booked;
    }

    /**
     * Books a payment numbered {@code number} in the tenant's counter: its allocation to {@code candidates}, the
     * installments locked for it, its journal entry and what settling the installments posts after it.
     */
    private Booked book(Session session, UnitOfWork tx, TenantId tenant, PaymentRequest details, long number,
            List<InstallmentEntity> candidates, Set<UUID> discountedBefore, Instant now) {
        PaymentEntity payment = new PaymentEntity(details, tenants.settings(tenant).paymentNumber(details.valueDate(),
                number), now);
        events.afterCommit(tx, EventTopics.PAYMENT_RECEIVED, Map.of(EventTopics.TENANT, tenant.value(), EventTopics.ID,
                payment.id.toString(), EventTopics.CUSTOMER_ID, payment.customerId.toString(), EventTopics.CURRENCY,
                payment.currency, EventTopics.AMOUNT, payment.amount().amount().toPlainString()));
        Allocated allocated = allocate(session, tx, tenant, payment, candidates, discountedBefore, details.allocateTo(),
                details.valueDate(), now);
        // Persisted once allocated: persisted before, it was inserted and then updated with what is left unallocated.
        session.persist(payment);
        List<JournalLine> lines = new ArrayList<>();
        lines.add(JournalLine.debit(Account.CASH, payment.amount()));
        if (allocated.amount().isPositive()) {
            lines.add(JournalLine.credit(Account.RECEIVABLE, allocated.amount()));
        }
        if (payment.unallocated().isPositive()) {
            lines.add(JournalLine.credit(Account.CUSTOMER_CREDIT, payment.unallocated()));
        }
        String functional = tenants.settings(tenant).functionalCurrency();
        if (!payment.currency.equals(functional)) {
            // The journal books the money in the functional currency too, at the value date's rate.
            rates.requiredRate(session, payment.currency, functional, details.valueDate(), "valueDate");
        }
        journal.post(session, details.valueDate(), JournalEntryKind.PAYMENT_RECEIVED, payment.number, lines);
        allocated.settle().run();
        discountedBefore.addAll(allocated.discounted());
        return new Booked(payment, allocated.made());
    }

    /** A payment just booked, with its allocations as {@link #toValues} would read them back. */
    private record Booked(PaymentEntity payment, List<Allocation> allocations) {
    }

    private static InvalidRequestException unknownCustomer() {
        return new InvalidRequestException(FieldViolation.of("customerId", "is not a customer of this tenant"));
    }

    /**
     * Which of {@code installments} earned their early-payment discount before: a payment on {@code valueDate} or
     * later can earn only those it has not; the set grows as payments earn them.
     */
    private Set<UUID> discountedBefore(Session session, List<InstallmentEntity> installments, LocalDate valueDate) {
        return new HashSet<>(writeOffs.discounted(session, installments.stream()
                .filter(installment -> installment.discountOn(valueDate).isPositive())
                .map(InstallmentEntity::id).toList()));
    }

    /**
     * What allocating did: the amount, the installments that earned their discount, and the postings that follow
     * it (exchange differences, small write-offs), to run after the caller's own journal entry so that entries read
     * in the order of events; the allocations made, in the order {@link #toValues} gives them.
     */
    private record Allocated(Money amount, Set<UUID> discounted, List<Allocation> made, Runnable settle) {
    }

    /** Allocates the payment to {@code candidates}, the installments {@link #lockedCandidates} locked for it. */
    private Allocated allocate(Session session, UnitOfWork tx, TenantId tenant, PaymentEntity payment,
            List<InstallmentEntity> candidates, Set<UUID> discountedBefore, List<AllocationTarget> targets,
            LocalDate valueDate, Instant now) {
        Map<UUID, Money> openBefore = new LinkedHashMap<>();
        candidates.forEach(installment -> openBefore.put(installment.id(), installment.open()));
        Map<UUID, InvoiceEntity> invoices = new LinkedHashMap<>();
        for (InstallmentEntity installment : candidates) {
            invoices.computeIfAbsent(installment.invoiceId(), id -> session.find(InvoiceEntity.class, id));
        }
        Shares shares = new Shares(session, payment, invoices, tenants.settings(tenant), valueDate, now,
                discountedBefore);
        Money allocated = targets.isEmpty()
                ? allocateOldestFirst(payment, candidates, shares)
                : allocateAsTold(session, payment, targets, candidates, shares);
        List<InstallmentEntity> allocatedTo = candidates.stream()
                .filter(installment -> !installment.open().equals(openBefore.get(installment.id()))).toList();
        Runnable settle = () -> {
            postRealizedExchangeDifference(session, tenant, payment, allocatedTo, openBefore, invoices);
            writeOffs.grantDiscounts(session, tx, tenant, payment.id, valueDate, shares.discounts, invoices, now);
            writeOffs.writeOffSmallDifferences(session, tx, tenant, payment.id, valueDate, allocatedTo, invoices, now);
        };
        List<Allocation> made = shares.made.stream().sorted(Map.Entry.comparingByKey(OLDEST_DUE_FIRST))
                .map(entry -> entry.getValue().toValue(payment.currency, entry.getKey().sequence())).toList();
        return new Allocated(allocated, shares.discounts.keySet().stream().map(InstallmentEntity::id)
                .collect(Collectors.toSet()), made, settle);
    }

    /**
     * Gives installments their share of a payment and keeps the early-payment discounts they earn. A payment
     * with its value date inside an installment's discount window earns the discount when it covers what is
     * open less the discount, or falls short of that by at most the tenant's write-off tolerance (the shortfall
     * is then written off as a small difference); otherwise the installment takes what it can without discount.
     * An installment earns its discount once.
     */
    private static final class Shares {

        final Session session;
        final PaymentEntity payment;
        final Map<UUID, InvoiceEntity> invoices;
        final TenantSettings settings;
        final LocalDate valueDate;
        final Instant now;
        final Set<UUID> discountedBefore;
        final Map<InstallmentEntity, Money> discounts = new LinkedHashMap<>();
        /** The allocations made, each with its installment. */
        final List<Map.Entry<InstallmentEntity, AllocationEntity>> made = new ArrayList<>();

        Shares(Session session, PaymentEntity payment, Map<UUID, InvoiceEntity> invoices, TenantSettings settings,
                LocalDate valueDate, Instant now, Set<UUID> discountedBefore) {
            this.session = session;
            this.payment = payment;
            this.invoices = invoices;
            this.settings = settings;
            this.valueDate = valueDate;
            this.now = now;
            this.discountedBefore = discountedBefore;
        }

        /** Allocates to {@code installment} what it takes of {@code available}, and returns that amount. */
        Money allocate(InstallmentEntity installment, Money available) {
            Money open = installment.open();
            Money amount = open.min(available);
            Money discount = discountedBefore.contains(installment.id()) ? Money.zero(open.currency())
                    : installment.discountOn(valueDate);
            if (discount.isPositive()) {
                Money discounted = open.minus(discount);
                Money covered = discounted.min(available);
                if (covered.isPositive() && settings.withinTolerance(discounted.minus(covered))) {
                    amount = covered;
                    discounts.put(installment, discount);
                }
            }
            if (amount.isPositive()) {
                InvoiceEntity invoice = invoices.get(installment.invoiceId());
                installment.settle(amount);
                invoice.settle(amount, now);
                payment.allocate(amount);
                AllocationEntity allocation = new AllocationEntity(payment.id, installment, amount, valueDate, now);
                session.persist(allocation);
                made.add(Map.entry(installment, allocation));
            }
            return amount;
        }
    }

    /**
     * The open installments the payment may go to, locked: the customer's own, in the payment's currency,
     * of the targeted invoices if the payer named any. Invoices are locked first, in id order.
     */
    private static List<InstallmentEntity> lockedCandidates(Session session, UUID customerId, String currency,
            List<AllocationTarget> targets) {
        List<UUID> targeted = targets.stream().map(AllocationTarget::invoiceId).distinct().toList();
        if (!targeted.isEmpty()) {
            // Targeted invoices are found by their key alone, and then checked: with the customer in the query, a
            // database without statistics may walk all the customer's invoices to find the one named. One statement
            // locks them with their open installments, sorted before it locks, so that the invoices are still locked
            // in id order and each before its installments.
            return session.createSelectionQuery("select v, i from Invoice v join Installment i on i.invoiceId = v.id"
                            + " where v.id in :targeted and i.open > 0 order by v.id", Object[].class)
                    .setParameter("targeted", targeted).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                    .filter(row -> open((InvoiceEntity) row[0], customerId, currency))
                    .map(row -> (InstallmentEntity) row[1]).sorted(OLDEST_DUE_FIRST).toList();
        }
        List<InvoiceEntity> invoices = session.createSelectionQuery("from Invoice v where v.customerId = :customer"
                        + " and v.currency = :currency and v.status in (:open) order by v.id", InvoiceEntity.class)
                .setParameter("customer", customerId).setParameter("currency", currency)
                .setParameter("open", OPEN).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        return lockedOpenInstallments(session, invoices.stream()
                .filter(invoice -> open(invoice, customerId, currency)).map(InvoiceEntity::id).toList())
                .stream().sorted(OLDEST_DUE_FIRST).toList();
    }

    /** Whether a payment of {@code customerId} in {@code currency} may go to {@code invoice} as it is now. */
    private static boolean open(InvoiceEntity invoice, UUID customerId, String currency) {
        return invoice.customerId().equals(customerId) && invoice.currency().equals(currency)
                && OPEN.contains(invoice.status());
    }

    /** The invoices, locked in id order. */
    private static List<InvoiceEntity> lockedInvoices(Session session, List<UUID> invoiceIds) {
        return session.createSelectionQuery("from Invoice v where v.id in :targeted order by v.id", InvoiceEntity.class)
                .setParameter("targeted", invoiceIds).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The installments of the invoices with something open, locked. */
    private static List<InstallmentEntity> lockedOpenInstallments(Session session, List<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery("from Installment i where i.invoiceId in :invoices and i.open > 0",
                        InstallmentEntity.class)
                .setParameter("invoices", invoiceIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    private static Money allocateOldestFirst(PaymentEntity payment, List<InstallmentEntity> candidates, Shares shares) {
        Money allocated = Money.zero(payment.currency);
        for (InstallmentEntity installment : candidates) {
            if (!payment.unallocated().isPositive()) {
                break;
            }
            allocated = allocated.plus(shares.allocate(installment, payment.unallocated()));
        }
        return allocated;
    }

    private static Money allocateAsTold(Session session, PaymentEntity payment, List<AllocationTarget> targets,
            List<InstallmentEntity> candidates, Shares shares) {
        Money allocated = Money.zero(payment.currency);
        for (int i = 0; i < targets.size(); i++) {
            AllocationTarget target = targets.get(i);
            String field = "allocateTo[" + i + "]";
            InvoiceEntity invoice = shares.invoices.get(target.invoiceId());
            if (invoice == null) {
                throw new InvalidRequestException(FieldViolation.of(field + ".invoiceId", "is not an open invoice of this "
                        + "customer in " + payment.currency));
            }
            List<InstallmentEntity> open = candidates.stream()
                    .filter(installment -> installment.invoiceId().equals(target.invoiceId()))
                    .filter(installment -> target.installment() == null || installment.sequence() == target.installment())
                    .sorted(Comparator.comparing(InstallmentEntity::sequence))
                    .toList();
            if (open.isEmpty()) {
                throw new InvalidRequestException(FieldViolation.of(field + ".installment", hasInstallment(session,
                        invoice, target.installment()) ? "is already settled on invoice " + invoice.number()
                        : "is not an installment of invoice " + invoice.number()));
            }
            Money openThere = open.stream().map(InstallmentEntity::open).reduce(Money.zero(payment.currency), Money::plus);
            if (target.amount() != null && target.amount().compareTo(openThere) > 0) {
                throw new InvalidRequestException(FieldViolation.of(field + ".amount", "is more than the " + openThere
                        + " open there"));
            }
            if (target.amount() != null && target.amount().compareTo(payment.unallocated()) > 0) {
                throw new InvalidRequestException(FieldViolation.of(field + ".amount", "is more than the "
                        + payment.unallocated() + " of the payment left to allocate"));
            }
            Money left = target.amount() == null ? payment.unallocated() : target.amount();
            for (InstallmentEntity installment : open) {
                if (!left.isPositive()) {
                    break;
                }
                Money share = shares.allocate(installment, left);
                left = left.minus(share);
                allocated = allocated.plus(share);
            }
        }
        return allocated;
    }

    private static boolean hasInstallment(Session session, InvoiceEntity invoice, int sequence) {
        return session.createSelectionQuery("select count(i) from Installment i where i.invoiceId = :invoice"
                        + " and i.sequence = :sequence", Long.class)
                .setParameter("invoice", invoice.id()).setParameter("sequence", sequence).getSingleResult() > 0;
    }

    /**
     * Posts, in the functional currency, what the allocated part of a foreign-currency invoice gained or lost
     * between the rate it was issued at and the rate on the payment's value date.
     */
    private void postRealizedExchangeDifference(Session session, TenantId tenant, PaymentEntity payment,
            List<InstallmentEntity> allocatedTo, Map<UUID, Money> openBefore, Map<UUID, InvoiceEntity> invoices) {
        String functional = tenants.settings(tenant).functionalCurrency();
        if (payment.currency.equals(functional)) {
            return;
        }
        BigDecimal settledAt = null;
        Money difference = Money.zero(functional);
        for (InstallmentEntity installment : allocatedTo) {
            BigDecimal issuedAt = invoices.get(installment.invoiceId()).fxRate();
            if (issuedAt == null) {
                continue;
            }
            if (settledAt == null) {
                settledAt = rates.requiredRate(session, payment.currency, functional, payment.valueDate, "valueDate");
            }
            Money allocated = openBefore.get(installment.id()).minus(installment.open());
            difference = difference.plus(Money.rounded(allocated.amount().multiply(settledAt.subtract(issuedAt)), functional));
        }
        if (difference.isPositive()) {
            journal.post(session, payment.valueDate, JournalEntryKind.FX_REALIZED, payment.number, List.of(
                    JournalLine.debit(Account.RECEIVABLE, difference), JournalLine.credit(Account.FX_GAIN, difference)));
        } else if (difference.isNegative()) {
            journal.post(session, payment.valueDate, JournalEntryKind.FX_REALIZED, payment.number, List.of(
                    JournalLine.debit(Account.FX_LOSS, difference.negate()),
                    JournalLine.credit(Account.RECEIVABLE, difference.negate())));
        }
    }

    private static Payment replay(Session session, PaymentEntity earlier, PaymentRequest details) {
        if (!earlier.sameAs(details)) {
            throw new ConflictException("idempotency key " + details.idempotencyKey()
                    + " was already used for a different payment (" + earlier.id + ")");
        }
        return toValue(session, earlier);
    }

    @Override
    public PageWithTotals<Payment, PaymentTotal> list(TenantId tenant, PaymentFilter filter, PageRequest page) {
        PaymentFilter matching = filter == null ? PaymentFilter.all() : filter;
        Violations violations = new Violations();
        if (matching.currency() != null && !Money.isCurrency(matching.currency())) {
            violations.add("currency", "is not an ISO 4217 currency code");
        }
        if (matching.method() != null && !METHOD.matcher(matching.method()).matches()) {
            violations.add("method", "must be upper case letters, digits and _, e.g. BANK_TRANSFER");
        }
        if (matching.valueFrom() != null && matching.valueTo() != null && matching.valueFrom().isAfter(matching.valueTo())) {
            violations.add("valueFrom", "must not be after valueTo");
        }
        violations.throwIfAny();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (matching.customerId() != null) {
            where.append(" and p.customerId = :customer");
            parameters.put("customer", matching.customerId());
        }
        if (matching.method() != null) {
            where.append(" and p.method = :method");
            parameters.put("method", matching.method());
        }
        if (matching.currency() != null) {
            where.append(" and p.currency = :currency");
            parameters.put("currency", matching.currency());
        }
        if (matching.valueFrom() != null) {
            where.append(" and p.valueDate >= :valueFrom");
            parameters.put("valueFrom", matching.valueFrom());
        }
        if (matching.valueTo() != null) {
            where.append(" and p.valueDate <= :valueTo");
            parameters.put("valueTo", matching.valueTo());
        }
        if (matching.state() != null) {
            where.append(switch (matching.state()) {
                case UNALLOCATED -> " and p.status = :received and p.unallocated = p.amount";
                case PARTLY_ALLOCATED -> " and p.status = :received and p.unallocated > 0 and p.unallocated < p.amount";
                case ALLOCATED -> " and p.status = :received and p.unallocated = 0";
                case REVERSED -> " and p.status = :reversed";
            });
            if (matching.state() == AllocationState.REVERSED) {
                parameters.put("reversed", PaymentStatus.REVERSED);
            } else {
                parameters.put("received", PaymentStatus.RECEIVED);
            }
        }
        return database.inTransaction(tenant, session -> {
            var items = session.createSelectionQuery("from Payment p" + where
                    + " order by p.valueDate desc, p.number desc, p.id desc", PaymentEntity.class);
            var count = session.createSelectionQuery("select count(*) from Payment p" + where, Long.class);
            var totals = session.createSelectionQuery("select p.currency, count(*), sum(p.amount), sum(p.unallocated)"
                    + " from Payment p" + where + " group by p.currency order by p.currency", Object[].class);
            for (var selection : List.of(items, count, totals)) {
                parameters.forEach(selection::setParameter);
            }
            List<PaymentEntity> listed = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
            List<PaymentTotal> perCurrency = totals.getResultStream().map(row -> {
                String currency = (String) row[0];
                return new PaymentTotal(currency, (Long) row[1], Money.of((BigDecimal) row[2], currency),
                        Money.of((BigDecimal) row[3], currency));
            }).toList();
            return new PageWithTotals<>(toValues(session, listed), page.page(), page.size(), count.getSingleResult(),
                    perCurrency);
        });
    }

    private static Optional<PaymentEntity> byKey(Session session, String key) {
        return session.createSelectionQuery("from Payment p where p.idempotencyKey = :key", PaymentEntity.class)
                .setParameter("key", key).uniqueResultOptional();
    }

    private static Payment toValue(Session session, PaymentEntity payment) {
        return toValues(session, List.of(payment)).get(0);
    }

    /** The payments with their allocations, read in two queries whatever their number. */
    private static List<Payment> toValues(Session session, List<PaymentEntity> payments) {
        if (payments.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<AllocationEntity>> allocations = new LinkedHashMap<>();
        session.createSelectionQuery("from Allocation a where a.paymentId in :payments", AllocationEntity.class)
                .setParameter("payments", payments.stream().map(payment -> payment.id).toList())
                .getResultStream().forEach(allocation -> allocations.computeIfAbsent(allocation.paymentId,
                        id -> new ArrayList<>()).add(allocation));
        Map<UUID, InstallmentEntity> installments = new LinkedHashMap<>();
        if (!allocations.isEmpty()) {
            session.createSelectionQuery("from Installment i where i.id in :ids", InstallmentEntity.class)
                    .setParameter("ids", allocations.values().stream().flatMap(List::stream)
                            .map(allocation -> allocation.installmentId).distinct().toList())
                    .getResultStream().forEach(installment -> installments.put(installment.id(), installment));
        }
        // Allocations of one payment share their timestamp; they were made oldest due first.
        Comparator<AllocationEntity> made = Comparator.comparing((AllocationEntity allocation) -> allocation.allocatedAt)
                .thenComparing(allocation -> installments.get(allocation.installmentId), OLDEST_DUE_FIRST);
        return payments.stream().map(payment -> payment.toValue(allocations.getOrDefault(payment.id, List.of()).stream()
                .sorted(made)
                .map(allocation -> allocation.toValue(payment.currency, installments.get(allocation.installmentId).sequence()))
                .toList())).toList();
    }

    private static void validate(PaymentRequest details) {
        Violations violations = new Violations();
        if (details == null) {
            violations.add("body", "is required").throwIfAny();
        }
        violations.required("idempotencyKey", details.idempotencyKey())
                .maxLength("idempotencyKey", details.idempotencyKey(), 128)
                .required("customerId", details.customerId())
                .required("method", details.method())
                .required("amount", details.amount())
                .required("valueDate", details.valueDate())
                .maxLength("payerReference", details.payerReference(), 140);
        if (details.method() != null && !METHOD.matcher(details.method()).matches()) {
            violations.add("method", "must be upper case letters, digits and _, e.g. BANK_TRANSFER");
        }
        if (details.amount() != null && !details.amount().isPositive()) {
            violations.add("amount", "must be positive");
        }
        for (int i = 0; i < details.allocateTo().size(); i++) {
            AllocationTarget target = details.allocateTo().get(i);
            String field = "allocateTo[" + i + "]";
            if (target == null || target.invoiceId() == null) {
                violations.add(field + ".invoiceId", "is required");
                continue;
            }
            if (target.installment() != null && target.installment() < 1) {
                violations.add(field + ".installment", "must be 1 or more");
            }
            if (target.amount() != null && details.amount() != null) {
                if (!target.amount().currency().equals(details.amount().currency())) {
                    violations.add(field + ".amount", "must be in the payment's currency " + details.amount().currency());
                } else if (!target.amount().isPositive()) {
                    violations.add(field + ".amount", "must be positive");
                }
            }
        }
        violations.throwIfAny();
    }
}
