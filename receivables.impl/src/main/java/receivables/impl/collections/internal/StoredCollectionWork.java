package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.Tuple;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.collections.ActivityKind;
import receivables.api.collections.ActivityOutcome;
import receivables.api.collections.ActivityRequest;
import receivables.api.collections.CollectionActivity;
import receivables.api.collections.CollectionTask;
import receivables.api.collections.CollectionWork;
import receivables.api.collections.CollectorReport;
import receivables.api.collections.CollectorReportRow;
import receivables.api.collections.DeliveryStatus;
import receivables.api.collections.Dispute;
import receivables.api.collections.PromiseStatus;
import receivables.api.collections.PromiseToPay;
import receivables.api.collections.TimelineEntry;
import receivables.api.collections.WorklistEntry;
import receivables.api.money.Money;
import receivables.api.report.ReceivablesReports;
import receivables.impl.customer.internal.CustomerAccountEntity;
import receivables.impl.ledger.internal.InvoiceState;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.report.internal.SqlCashForecasts;
import receivables.impl.validation.internal.ValueRanges;
import receivables.impl.validation.internal.Violations;

/** Disputes, promises to pay, collection tasks, collectors' activities and worklists in the database. */
@Component(service = { CollectionWork.class, StoredCollectionWork.class })
public class StoredCollectionWork implements CollectionWork {

    static final int MAX_TEXT = 500;
    static final int MAX_NOTES = 2000;
    static final int MAX_ACTION = 200;

    private final Database database;
    private final Clock clock;

    @Activate
    public StoredCollectionWork(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    StoredCollectionWork(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Dispute openDispute(TenantId tenant, UUID invoiceId, String reason) {
        new Violations().required("reason", reason).maxLength("reason", reason, MAX_TEXT)
                .inRange("reason", reason, ValueRanges::textProblem).throwIfAny();
        return database.inTransaction(tenant, session -> {
            if (InvoiceState.find(session, invoiceId).isEmpty()) {
                throw new NotFoundException("invoice", invoiceId);
            }
            Optional<DisputeEntity> open = openDispute(session, invoiceId);
            if (open.isPresent()) {
                return open.get().toValue();
            }
            DisputeEntity dispute = new DisputeEntity(invoiceId, reason.strip(), now());
            session.persist(dispute);
            return dispute.toValue();
        });
    }

    @Override
    public Dispute resolveDispute(TenantId tenant, UUID invoiceId, String resolution) {
        new Violations().required("resolution", resolution).maxLength("resolution", resolution, MAX_TEXT)
                .inRange("resolution", resolution, ValueRanges::textProblem).throwIfAny();
        return database.inTransaction(tenant, session -> {
            DisputeEntity dispute = openDispute(session, invoiceId)
                    .orElseThrow(() -> new NotFoundException("open dispute of invoice", invoiceId));
            dispute.resolvedAt = now();
            dispute.resolution = resolution.strip();
            return dispute.toValue();
        });
    }

    @Override
    public List<Dispute> disputes(TenantId tenant, UUID invoiceId) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "from Dispute d where d.invoiceId = :invoice order by d.openedAt", DisputeEntity.class)
                .setParameter("invoice", invoiceId).getResultStream().map(DisputeEntity::toValue).toList());
    }

    private static Optional<DisputeEntity> openDispute(Session session, UUID invoiceId) {
        return session.createSelectionQuery("from Dispute d where d.invoiceId = :invoice and d.resolvedAt is null",
                DisputeEntity.class).setParameter("invoice", invoiceId).getResultStream().findFirst();
    }

    @Override
    public PromiseToPay promise(TenantId tenant, UUID customerId, BigDecimal amount, LocalDate promisedFor, String note) {
        Violations violations = new Violations().required("amount", amount).inRange("amount", amount,
                ValueRanges::decimalProblem).required("promisedFor", promisedFor)
                .inRange("promisedFor", promisedFor, ValueRanges::dateProblem).maxLength("note", note, MAX_TEXT)
                .inRange("note", note, ValueRanges::textProblem);
        if (amount != null && ValueRanges.decimalProblem(amount) == null && amount.signum() <= 0) {
            violations.add("amount", "must be positive");
        }
        violations.throwIfAny();
        return database.inTransaction(tenant, session -> {
            CustomerAccountEntity customer = session.find(CustomerAccountEntity.class, customerId);
            if (customer == null) {
                throw new NotFoundException("customer", customerId);
            }
            if (amount.stripTrailingZeros().scale() > Money.scaleOf(customer.currency())) {
                throw new InvalidRequestException(FieldViolation.of("amount", "has more decimals than "
                        + customer.currency() + " allows"));
            }
            PromiseEntity promise = new PromiseEntity(customerId, Money.of(amount, customer.currency()), promisedFor,
                    note == null || note.isBlank() ? null : note.strip(), now());
            session.persist(promise);
            return promise.toValue();
        });
    }

    @Override
    public List<PromiseToPay> promises(TenantId tenant, UUID customerId) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "from PromiseToPay p where p.customerId = :customer order by p.madeAt desc", PromiseEntity.class)
                .setParameter("customer", customerId).getResultStream().map(PromiseEntity::toValue).toList());
    }

    @Override
    public List<CollectionTask> openTasks(TenantId tenant) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "from CollectionTask t where t.doneAt is null order by t.createdAt, t.id", CollectionTaskEntity.class)
                .getResultStream().map(CollectionTaskEntity::toValue).toList());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public CollectionActivity log(TenantId tenant, UUID customerId, String actor, ActivityRequest request) {
        if (request == null) {
            throw new InvalidRequestException(FieldViolation.of("body", "is required"));
        }
        Violations violations = new Violations().required("kind", request.kind())
                .maxLength("notes", request.notes(), MAX_NOTES).inRange("notes", request.notes(), ValueRanges::textProblem)
                .maxLength("nextAction", request.nextAction(), MAX_ACTION)
                .inRange("nextAction", request.nextAction(), ValueRanges::textProblem)
                .inRange("nextActionOn", request.nextActionOn(), ValueRanges::dateProblem);
        if ((request.promisedAmount() == null) != (request.promisedFor() == null)) {
            violations.add(request.promisedAmount() == null ? "promisedAmount" : "promisedFor",
                    "is required with " + (request.promisedAmount() == null ? "promisedFor" : "promisedAmount"));
        }
        if (request.nextActionOn() != null && (request.nextAction() == null || request.nextAction().isBlank())) {
            violations.add("nextAction", "is required with nextActionOn");
        }
        violations.throwIfAny();
        UUID promise = request.promisedAmount() == null ? null
                : promise(tenant, customerId, request.promisedAmount(), request.promisedFor(), request.notes()).id();
        return database.inTransaction(tenant, session -> {
            if (session.find(CustomerAccountEntity.class, customerId) == null) {
                throw new NotFoundException("customer", customerId);
            }
            CollectionActivityEntity activity = new CollectionActivityEntity(customerId, request.kind(), request.outcome(),
                    blankToNull(request.notes()), promise, blankToNull(request.nextAction()), request.nextActionOn(), actor,
                    now());
            session.persist(activity);
            return activity.toValue();
        });
    }

    @Override
    public List<CollectionActivity> activities(TenantId tenant, UUID customerId) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "from CollectionActivity a where a.customerId = :customer order by a.loggedAt desc, a.id",
                        CollectionActivityEntity.class)
                .setParameter("customer", customerId).getResultStream().map(CollectionActivityEntity::toValue).toList());
    }

    /**
     * Merged in SQL so a page reads only its rows; each branch runs on its (tenant_id, customer_id, time) index, and
     * disputes, which hang off invoices, through the customer's invoices (tenant_id, customer_id, status) and each
     * invoice's disputes (tenant_id, invoice_id). A promise logged with an activity shows as that activity. The
     * first branch types the invoice columns: PostgreSQL types a union pairwise, and null with null would be text.
     */
    @Override
    public List<TimelineEntry> timeline(TenantId tenant, UUID customerId, PageRequest page) {
        return database.inTransaction(tenant, session -> {
            if (session.createNativeQuery("select count(*) from customer_account where tenant_id = :tenant and id = :id",
                    Long.class).setParameter("tenant", tenant.value()).setParameter("id", customerId)
                    .getSingleResult() == 0) {
                throw new NotFoundException("customer", customerId);
            }
            return NativeRow.stream(session.createNativeQuery("select * from ("
                            + "select 'NOTICE' as entry_kind, n.id, n.created_at as entry_at, null as actor,"
                            + " null as activity, null as outcome, null as entry_text, null as next_action,"
                            + " null as next_action_on, n.notice_level as entry_level, (select count(*) from"
                            + " dunning_notice_item i where i.tenant_id = n.tenant_id and i.notice_id = n.id) as items,"
                            + " n.channel, n.delivery, n.currency, n.overdue as amount,"
                            + " cast(null as uuid) as invoice_id, cast(null as varchar(40)) as invoice_number"
                            + " from dunning_notice n where n.tenant_id = :tenant and n.customer_id = :customer"
                            + " union all select 'ACTIVITY', a.id, a.logged_at, a.actor, a.kind, a.outcome, a.notes,"
                            + " a.next_action, a.next_action_on, null, null, null, null, null, null, null, null"
                            + " from collection_activity a where a.tenant_id = :tenant and a.customer_id = :customer"
                            + " union all select 'PROMISE', p.id, p.made_at, null, null, null, p.note, null, null,"
                            + " null, null, null, null, p.currency, p.amount, null, null from promise_to_pay p"
                            + " where p.tenant_id = :tenant and p.customer_id = :customer and not exists (select 1"
                            + " from collection_activity a where a.tenant_id = p.tenant_id and a.promise_id = p.id)"
                            + " union all select 'DISPUTE_OPENED', d.id, d.opened_at, null, null, null, d.reason, null,"
                            + " null, null, null, null, null, null, null, d.invoice_id, i.invoice_number"
                            + " from invoice i join invoice_dispute d on d.tenant_id = i.tenant_id and d.invoice_id = i.id"
                            + " where i.tenant_id = :tenant and i.customer_id = :customer"
                            + " union all select 'DISPUTE_RESOLVED', d.id, d.resolved_at, null, null, null, d.resolution,"
                            + " null, null, null, null, null, null, null, null, d.invoice_id, i.invoice_number"
                            + " from invoice i join invoice_dispute d on d.tenant_id = i.tenant_id and d.invoice_id = i.id"
                            + " where i.tenant_id = :tenant and i.customer_id = :customer and d.resolved_at is not null"
                            + ") t order by entry_at desc, id, entry_kind desc offset :skip rows fetch next :size rows only",
                    Tuple.class)
                    .setParameter("tenant", tenant.value()).setParameter("customer", customerId)
                    .setParameter("skip", page.page() * page.size()).setParameter("size", page.size()))
                    .map(StoredCollectionWork::timelineEntry).toList();
        });
    }

    private static TimelineEntry timelineEntry(NativeRow row) {
        return new TimelineEntry(TimelineEntry.Kind.valueOf(row.text("entry_kind")), row.uuid("id"),
                row.instant("entry_at"), row.text("actor"),
                row.isNull("activity") ? null : ActivityKind.valueOf(row.text("activity")),
                row.isNull("outcome") ? null : ActivityOutcome.valueOf(row.text("outcome")), row.text("entry_text"),
                row.text("next_action"), row.isNull("next_action_on") ? null : row.date("next_action_on"),
                row.isNull("entry_level") ? null : row.integer("entry_level"),
                row.isNull("items") ? null : row.integer("items"), row.text("channel"),
                row.isNull("delivery") ? null : DeliveryStatus.valueOf(row.text("delivery")),
                row.isNull("currency") ? null : row.money("currency", "amount"),
                row.isNull("invoice_id") ? null : row.uuid("invoice_id"), row.text("invoice_number"));
    }

    @Override
    public List<WorklistEntry> worklist(TenantId tenant, LocalDate asOf, String collector) {
        new Violations().required("asOf", asOf).inRange("asOf", asOf, ValueRanges::dateProblem).throwIfAny();
        return database.inTransaction(tenant, session -> {
            Map<String, Worked> byCustomer = new LinkedHashMap<>();
            NativeQuery<Tuple> overdue = session.createNativeQuery("select i.customer_id, i.currency, i.due_date,"
                            + " i.open_amount, c.name, c.collector, r.score from installment i join invoice v on v.tenant_id = i.tenant_id"
                            + " and v.id = i.invoice_id join customer_account c on c.tenant_id = i.tenant_id"
                            + " and c.id = i.customer_id left join risk_customer r on r.tenant_id = i.tenant_id"
                            + " and r.customer_id = i.customer_id where i.tenant_id = :tenant and i.open_amount > 0"
                            + " and i.due_date < :asOf and v.status in ('ISSUED', 'PARTIALLY_PAID')"
                            + (collector == null ? "" : " and c.collector = :collector"), Tuple.class)
                    .setParameter("tenant", tenant.value()).setParameter("asOf", asOf);
            if (collector != null) {
                overdue.setParameter("collector", collector);
            }
            NativeRow.stream(overdue)
                    .forEach(row -> byCustomer.computeIfAbsent(row.uuid("customer_id") + "/" + row.text("currency"),
                                    key -> new Worked(row.uuid("customer_id"), row.text("name"), row.text("collector"),
                                            row.text("currency")))
                            .add(row.money("currency", "open_amount"), (int) ChronoUnit.DAYS.between(row.date("due_date"),
                                    asOf), row.isNull("score") ? 0 : row.integer("score")));
            List<WorklistEntry> entries = new ArrayList<>();
            for (Worked worked : byCustomer.values()) {
                Optional<CollectionActivityEntity> latest = session.createSelectionQuery("from CollectionActivity a"
                                + " where a.customerId = :customer and a.nextActionOn is not null order by a.loggedAt desc",
                                CollectionActivityEntity.class).setParameter("customer", worked.customerId)
                        .setMaxResults(1).getResultStream().findFirst();
                entries.add(new WorklistEntry(worked.customerId, worked.name, worked.collector, worked.overdue,
                        worked.oldestDays, worked.priority, latest.map(a -> a.nextAction).orElse(null),
                        latest.map(a -> a.nextActionOn).orElse(null)));
            }
            entries.sort(Comparator.comparing(WorklistEntry::priority).reversed()
                    .thenComparing(entry -> entry.customerId().toString()));
            return entries;
        });
    }

    @Override
    public CollectorReport collectorReport(TenantId tenant, LocalDate from, LocalDate to, String collector) {
        new Violations().required("from", from).inRange("from", from, ValueRanges::dateProblem).required("to", to)
                .inRange("to", to, ValueRanges::dateProblem).throwIfAny();
        if (to.isBefore(from)) {
            throw new InvalidRequestException(FieldViolation.of("to", "must not be before from"));
        }
        if (from.plusMonths(ReceivablesReports.MAX_MONTHS).isBefore(to)) {
            throw new InvalidRequestException(FieldViolation.of("to", "must be at most "
                    + ReceivablesReports.MAX_MONTHS + " months after from"));
        }
        String whose = collector == null ? "" : " and c.collector = :collector";
        return database.inTransaction(tenant, session -> {
            Map<List<String>, Results> rows = new TreeMap<>(Comparator.comparing((List<String> key) -> key.get(0),
                    Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(key -> key.get(1)));
            NativeQuery<Tuple> promises = session.createNativeQuery("select c.collector, p.currency, p.status,"
                    + " count(*) promises, sum(p.amount) amount from promise_to_pay p join customer_account c"
                    + " on c.tenant_id = p.tenant_id and c.id = p.customer_id where p.tenant_id = :tenant"
                    + " and p.promised_for between :from and :to" + whose + " group by c.collector, p.currency, p.status",
                    Tuple.class);
            NativeRow.stream(withPeriod(promises, tenant, from, to, collector)).forEach(row -> rows
                    .computeIfAbsent(Arrays.asList(row.text("collector"), row.text("currency")), Results::new)
                    .promised(PromiseStatus.valueOf(row.text("status")), (int) row.number("promises"),
                            row.decimal("amount")));
            // Payments only, as the collections report counts them: on their value date, and never when taken back.
            NativeQuery<Tuple> collected = session.createNativeQuery("select c.collector, i.currency,"
                    + " sum(a.amount) amount from allocation a join installment i on i.tenant_id = a.tenant_id"
                    + " and i.id = a.installment_id join customer_account c on c.tenant_id = i.tenant_id"
                    + " and c.id = i.customer_id where a.tenant_id = :tenant and a.value_date between :from and :to"
                    + " and a.payment_id is not null and " + SqlCashForecasts.NOT_TAKEN_BACK + whose
                    + " group by c.collector, i.currency", Tuple.class).setParameter("known", ValueRanges.LAST_DAY);
            NativeRow.stream(withPeriod(collected, tenant, from, to, collector)).forEach(row -> rows
                    .computeIfAbsent(Arrays.asList(row.text("collector"), row.text("currency")), Results::new)
                    .collected = row.decimal("amount"));
            return new CollectorReport(from, to, rows.values().stream().map(Results::row).toList());
        });
    }

    private static NativeQuery<Tuple> withPeriod(NativeQuery<Tuple> query, TenantId tenant, LocalDate from, LocalDate to,
            String collector) {
        query.setParameter("tenant", tenant.value()).setParameter("from", from).setParameter("to", to);
        return collector == null ? query : query.setParameter("collector", collector);
    }

    /** One collector's promises and collections in one currency, added up. */
    private static final class Results {
        final String collector;
        final String currency;
        final Map<PromiseStatus, Integer> promises = new EnumMap<>(PromiseStatus.class);
        BigDecimal promised = BigDecimal.ZERO;
        BigDecimal collected = BigDecimal.ZERO;

        Results(List<String> key) {
            this.collector = key.get(0);
            this.currency = key.get(1);
        }

        void promised(PromiseStatus status, int count, BigDecimal amount) {
            promises.merge(status, count, Integer::sum);
            if (status != PromiseStatus.OPEN) {
                promised = promised.add(amount);
            }
        }

        CollectorReportRow row() {
            return new CollectorReportRow(collector, currency, promises.getOrDefault(PromiseStatus.KEPT, 0),
                    promises.getOrDefault(PromiseStatus.BROKEN, 0), promises.getOrDefault(PromiseStatus.OPEN, 0),
                    Money.of(promised, currency), Money.of(collected, currency));
        }
    }

    /** One customer's overdue items in one currency, added up. */
    private static final class Worked {
        final UUID customerId;
        final String name;
        final String collector;
        Money overdue;
        int oldestDays;
        BigDecimal priority = BigDecimal.ZERO;

        Worked(UUID customerId, String name, String collector, String currency) {
            this.customerId = customerId;
            this.name = name;
            this.collector = collector;
            this.overdue = Money.zero(currency);
        }

        /** Adds an overdue item; {@code riskScore} (0 to 100, 0 without a risk model) weighs it up to twice. */
        void add(Money open, int daysPastDue, int riskScore) {
            overdue = overdue.plus(open);
            oldestDays = Math.max(oldestDays, daysPastDue);
            priority = priority.add(open.amount().multiply(BigDecimal.valueOf(daysPastDue))
                    .multiply(BigDecimal.valueOf(100 + riskScore)).movePointLeft(2));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
