package receivables.impl.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import receivables.api.ConflictException;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.credit.CreditNoteRequest;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.Allocation;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRefundRequest;
import receivables.api.payment.PaymentRequest;
import receivables.api.report.AgingBucket;
import receivables.api.report.AgingReport;
import receivables.api.report.AgingRow;
import receivables.api.report.CustomerStatement;
import receivables.api.report.OpenItem;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.persistence.internal.NativeValues;
import receivables.impl.report.internal.SqlAging;
import receivables.impl.report.internal.SqlCustomerStatements;

/**
 * Random sequences of ledger operations (issue, pay, allocate as told, take back, apply credit, refund, reverse,
 * credit note, bad-debt write-off, early-payment discounts), on every database we support. Whatever happened,
 * and whatever was refused on the way: the customer statement's closing balance is what the open items add up to
 * less the customer's unallocated credit, the journal's receivable and customer-credit accounts say the same, and
 * every journal entry balances. Each try is a tenant of its own on one database per property.
 */
abstract class StatementPropertiesContract {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final List<String> TERMS = List.of("NET30", "SKONTO", "HALVES");
    private static final AtomicInteger TRIES = new AtomicInteger();

    private TestDatabase testDatabase;
    private HibernateDatabase database;
    private LedgerFixture ledger;
    private SqlCustomerStatements statements;
    private SqlAging aging;

    /** A migrated database for each property: jqwik runs no JUnit extensions, so the contract opens and closes it. */
    protected abstract TestDatabase testDatabase();

    @BeforeProperty
    void wireTheLedger() {
        testDatabase = testDatabase();
        testDatabase.open();
        database = testDatabase.get();
        ledger = LedgerFixture.on(database);
        statements = new SqlCustomerStatements(database);
        aging = new SqlAging(database);
    }

    @AfterProperty
    void closeTheDatabase() {
        testDatabase.close();
    }

    /** One ledger operation: what, on which earlier invoice or payment (modulo how many there are), how much. */
    record Operation(Kind kind, int target, int cents, int daysLater) {
    }

    enum Kind {
        ISSUE, PAY, PAY_AS_TOLD, TAKE_BACK, APPLY_CREDIT, REFUND, REVERSE, CREDIT_NOTE, WRITE_OFF
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> operation = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(1, 30_000), Arbitraries.integers().between(0, 9)).as(Operation::new);
        return operation.list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 40)
    void theStatementClosesAtTheOpenItemsLessTheCreditAndTheJournalAgrees(@ForAll("operations") List<Operation> operations) {
        History history = replay(operations);
        TenantId tenant = history.tenant();
        CustomerStatement statement = statements.statement(tenant, history.customer(), "EUR", START.minusDays(1),
                history.lastDay());
        Money open = statements.openItems(tenant, history.customer(), history.lastDay()).stream().map(OpenItem::open)
                .reduce(eur(0), Money::plus);
        Money credit = history.payments().stream().map(payment -> ledger.payments().find(tenant, payment.id()).orElseThrow())
                .map(Payment::unallocated).reduce(eur(0), Money::plus);
        assertThat(statement.openingBalance()).isEqualTo(eur(0));
        assertThat(statement.closingBalance()).as("%s", operations).isEqualTo(open.minus(credit));
        assertThat(receivableLessCredit(tenant)).as("journal, %s", operations).isEqualTo(statement.closingBalance());
        assertThat(unbalancedEntries(tenant)).isEmpty();
    }

    /**
     * The aging report reads what each installment has open now and adds back what was allocated after the as-of
     * day. Whatever happened, each installment's open amount is its amount less all its allocations (payments,
     * credit notes, write-offs, discounts, and reversals as negative ones), and the aging as of every day of the
     * history, before it and after it is what the installments issued by then had open then: their amounts less
     * the allocations with a value date up to the day, summed per bucket of days past due.
     */
    @Property(tries = 40)
    void agingAsOfAnyDayIsTheAmountsLessTheAllocationsUpToThatDay(@ForAll("operations") List<Operation> operations) {
        History history = replay(operations);
        TenantId tenant = history.tenant();
        List<InstallmentRow> installments = installments(tenant);
        for (InstallmentRow installment : installments) {
            assertThat(installment.open()).as("open amount of %s after %s", installment, operations)
                    .isEqualByComparingTo(installment.amount().subtract(installment.allocatedUpTo(LocalDate.MAX)));
        }
        assertThat(allocationsWithKeysNotTheirInstallments(tenant)).as("allocations after %s", operations).isZero();
        List<Integer> limits = List.of(7, 30, 60);
        Set<LocalDate> days = new TreeSet<>();
        days.add(START.minusDays(1));
        for (LocalDate day = START; !day.isAfter(history.lastDay()); day = day.plusDays(1)) {
            days.add(day);
        }
        days.add(history.lastDay().plusDays(45));
        days.add(history.lastDay().plusDays(400));
        for (LocalDate asOf : days) {
            AgingReport report = aging.report(tenant, asOf, limits);
            List<AgingBucket> buckets = report.buckets();
            List<BigDecimal> expected = new ArrayList<>(Collections.nCopies(buckets.size(), BigDecimal.ZERO));
            for (InstallmentRow installment : installments) {
                if (!installment.issueDate().isAfter(asOf)) {
                    int bucket = bucketOf(buckets, ChronoUnit.DAYS.between(installment.dueDate(), asOf));
                    expected.set(bucket, expected.get(bucket).add(installment.amount()
                            .subtract(installment.allocatedUpTo(asOf))));
                }
            }
            BigDecimal total = expected.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.signum() == 0) {
                assertThat(report.rows()).as("as of %s after %s", asOf, operations).isEmpty();
                continue;
            }
            assertThat(report.rows()).as("as of %s after %s", asOf, operations).hasSize(1);
            AgingRow row = report.rows().get(0);
            assertThat(row.customerId()).isEqualTo(history.customer());
            assertThat(row.buckets().stream().map(Money::amount).toList()).as("as of %s after %s", asOf, operations)
                    .usingElementComparator(BigDecimal::compareTo).isEqualTo(expected);
            assertThat(row.total().amount()).isEqualByComparingTo(total);
        }
    }

    /** Which of {@code buckets} an installment {@code daysPastDue} (negative: not due yet) falls into. */
    private static int bucketOf(List<AgingBucket> buckets, long daysPastDue) {
        for (int i = 0; i < buckets.size(); i++) {
            AgingBucket bucket = buckets.get(i);
            if ((bucket.fromDays() == null || daysPastDue >= bucket.fromDays())
                    && (bucket.toDays() == null || daysPastDue <= bucket.toDays())) {
                return i;
            }
        }
        throw new IllegalStateException("no bucket for " + daysPastDue + " days in " + buckets);
    }

    /** What one try did: its tenant and customer, what it issued and recorded, and the day it ended on. */
    private record History(TenantId tenant, UUID customer, List<Invoice> invoices, List<Payment> payments,
            LocalDate lastDay) {
    }

    /** Applies {@code operations} in a tenant of their own, one customer, refusals included. */
    private History replay(List<Operation> operations) {
        TenantId tenant = new TenantId("prop-" + TRIES.incrementAndGet());
        ledger.terms().define(tenant, "SKONTO", "3 % within 14 days, net 30", "3%/14 NET30");
        ledger.terms().define(tenant, "HALVES", "Half now, half in 30 days", "50%@0 50%@30");
        UUID customer = ledger.customers().create(tenant, CustomerRequest.of(null, "Random GmbH", null, null, "EUR")).id();
        List<Invoice> invoices = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        LocalDate day = START;
        int step = 0;
        for (Operation operation : operations) {
            day = day.plusDays(operation.daysLater());
            step++;
            try {
                apply(tenant, customer, operation, day, "op-" + step, invoices, payments);
            } catch (InvalidRequestException | ConflictException refused) {
                // Refusals are part of the sequence: they must leave everything as it was.
            }
        }
        return new History(tenant, customer, invoices, payments, day);
    }

    /** An installment as stored, with its allocations' amounts by value date. */
    private record InstallmentRow(UUID id, LocalDate issueDate, LocalDate dueDate, BigDecimal amount, BigDecimal open,
            Map<LocalDate, BigDecimal> allocations) {

        BigDecimal allocatedUpTo(LocalDate day) {
            return allocations.entrySet().stream().filter(allocation -> !allocation.getKey().isAfter(day))
                    .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The tenant's installments and allocations, read by plain SQL. */
    /**
     * Allocations, of payments, credit notes, write-offs and reversals alike, that carry other keys than their
     * installment's.
     */
    private long allocationsWithKeysNotTheirInstallments(TenantId tenant) {
        return database.inTransaction(tenant, session -> ((Number) session.createNativeQuery("select count(*)"
                        + " from allocation a join installment i on i.tenant_id = a.tenant_id and i.id = a.installment_id"
                        + " where a.tenant_id = :tenant and (a.customer_id <> i.customer_id or a.currency <> i.currency"
                        + " or a.issue_date <> i.issue_date or a.due_date <> i.due_date)", Object.class)
                .setParameter("tenant", tenant.value()).getSingleResult()).longValue());
    }

    private List<InstallmentRow> installments(TenantId tenant) {
        return database.inTransaction(tenant, session -> {
            Map<UUID, Map<LocalDate, BigDecimal>> allocations = new HashMap<>();
            for (Object[] row : session.createNativeQuery("select installment_id, value_date, amount from allocation"
                    + " where tenant_id = :tenant", Object[].class).setParameter("tenant", tenant.value()).getResultList()) {
                allocations.computeIfAbsent(NativeValues.uuid(row[0]), id -> new HashMap<>())
                        .merge(NativeValues.date(row[1]), NativeValues.decimal(row[2]), BigDecimal::add);
            }
            return session.createNativeQuery("select id, issue_date, due_date, amount, open_amount from installment"
                            + " where tenant_id = :tenant", Object[].class).setParameter("tenant", tenant.value())
                    .getResultStream().map(row -> new InstallmentRow(NativeValues.uuid(row[0]), NativeValues.date(row[1]),
                            NativeValues.date(row[2]), NativeValues.decimal(row[3]), NativeValues.decimal(row[4]),
                            allocations.getOrDefault(NativeValues.uuid(row[0]), Map.of())))
                    .toList();
        });
    }

    private void apply(TenantId tenant, UUID customer, Operation operation, LocalDate day, String key,
            List<Invoice> invoices, List<Payment> payments) {
        Money amount = eur(operation.cents());
        switch (operation.kind()) {
            case ISSUE -> {
                Invoice draft = ledger.invoices().createFromOrder(tenant, new SalesOrder(key, customer, "EUR", day,
                        TERMS.get(operation.target() % TERMS.size()), List.of(new OrderLine("ITEM", null, BigDecimal.ONE,
                                amount.amount(), null, new BigDecimal("19")))));
                invoices.add(ledger.invoices().issue(tenant, draft.id(), day));
            }
            case PAY -> payments.add(ledger.payments().record(tenant, new PaymentRequest(key, customer, "BANK_TRANSFER",
                    amount, day, null, List.of())));
            case PAY_AS_TOLD -> {
                if (!invoices.isEmpty()) {
                    Invoice invoice = pick(invoices, operation);
                    payments.add(ledger.payments().record(tenant, new PaymentRequest(key, customer, "BANK_TRANSFER",
                            amount, day, null, List.of(new AllocationTarget(invoice.id(), null, null)))));
                }
            }
            case TAKE_BACK -> {
                if (!payments.isEmpty()) {
                    Payment payment = ledger.payments().find(tenant, pick(payments, operation).id()).orElseThrow();
                    List<UUID> takenBack = payment.allocations().stream().map(Allocation::reverses)
                            .filter(reverses -> reverses != null).toList();
                    payment.allocations().stream()
                            .filter(allocation -> allocation.reverses() == null && !takenBack.contains(allocation.id()))
                            .findFirst()
                            .ifPresent(allocation -> ledger.payments().unallocate(tenant, payment.id(), allocation.id(),
                                    "booked to the wrong invoice", day));
                }
            }
            case APPLY_CREDIT -> {
                if (!payments.isEmpty()) {
                    ledger.payments().applyCredit(tenant, pick(payments, operation).id(), List.of(), day);
                }
            }
            case REFUND -> {
                if (!payments.isEmpty()) {
                    ledger.payments().refund(tenant, pick(payments, operation).id(),
                            new PaymentRefundRequest(key, amount, day, "paid twice"));
                }
            }
            case REVERSE -> {
                if (!payments.isEmpty()) {
                    ledger.payments().reverse(tenant, pick(payments, operation).id(), "bounced", day);
                }
            }
            case CREDIT_NOTE -> {
                if (!invoices.isEmpty()) {
                    ledger.creditNotes().issue(tenant, pick(invoices, operation).id(),
                            new CreditNoteRequest(amount, "price reduction", day));
                }
            }
            case WRITE_OFF -> {
                if (!invoices.isEmpty()) {
                    ledger.writeOffs().writeOffBadDebt(tenant, pick(invoices, operation).id(), "insolvent", day);
                }
            }
        }
    }

    private static <T> T pick(List<T> items, Operation operation) {
        return items.get(operation.target() % items.size());
    }

    /** What the journal says the customer owes: receivable less customer credit, debits less credits. */
    private Money receivableLessCredit(TenantId tenant) {
        return eur(0).plus(Money.of(NativeValues.decimal(database.inTransaction(tenant, session -> session.createNativeQuery(
                        "select coalesce(sum(l.debit - l.credit), 0) from journal_line l where l.tenant_id = :tenant"
                                + " and l.account in ('RECEIVABLE', 'CUSTOMER_CREDIT') and l.currency = 'EUR'", Object.class)
                .setParameter("tenant", tenant.value()).getSingleResult())), "EUR"));
    }

    private List<?> unbalancedEntries(TenantId tenant) {
        return database.inTransaction(tenant, session -> session.createNativeQuery("select entry_id, currency"
                        + " from journal_line where tenant_id = :tenant group by entry_id, currency"
                        + " having sum(debit) <> sum(credit)", Object[].class)
                .setParameter("tenant", tenant.value()).getResultList());
    }

    private static Money eur(int cents) {
        return Money.of(BigDecimal.valueOf(cents, 2), "EUR");
    }
}
