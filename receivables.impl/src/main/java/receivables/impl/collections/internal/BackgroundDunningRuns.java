package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.Tuple;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.ConflictException;
import receivables.api.EventTopics;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.channel.AddressKind;
import receivables.api.channel.ChannelContext;
import receivables.api.channel.NoticeAttachment;
import receivables.api.channel.NoticeChannel;
import receivables.api.channel.NoticeDelivery;
import receivables.api.channel.NoticeMessage;
import receivables.api.collections.CollectionStage;
import receivables.api.collections.DeliveryStatus;
import receivables.api.collections.DunningNotice;
import receivables.api.collections.DunningPolicy;
import receivables.api.collections.DunningRun;
import receivables.api.collections.DunningRunStatus;
import receivables.api.collections.DunningRuns;
import receivables.api.collections.DunningSchedule;
import receivables.api.collections.NoticeItem;
import receivables.api.collections.PromiseStatus;
import receivables.api.collections.RenderedNotice;
import receivables.api.customer.BillingAddress;
import receivables.api.customer.CustomerAccount;
import receivables.api.invoice.Invoice;
import receivables.api.money.Money;
import receivables.impl.background.internal.BackgroundThreads;
import receivables.impl.background.internal.Lease;
import receivables.impl.background.internal.Leases;
import receivables.impl.collections.internal.DunningCalculation.ItemState;
import receivables.impl.collections.internal.DunningCalculation.OpenItem;
import receivables.impl.collections.internal.DunningCalculation.Outcome;
import receivables.impl.collections.internal.NoticeTexts.Addressee;
import receivables.impl.customer.internal.CustomerAccountEntity;
import receivables.impl.customer.internal.StoredCustomerAccounts;
import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.ledger.internal.StoredInvoices;
import receivables.impl.ledger.internal.StoredInvoices.Charge;
import receivables.impl.ledger.internal.StoredInvoices.ChargeKind;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.UnitOfWork;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.validation.internal.ValueRanges;

/**
 * The daily dunning run of every tenant, at the time its schedule names in its time zone, on whichever node takes
 * the day's lease first ({@code dunning/<date>}). A day's run is done once: it is recorded per tenant and day, each
 * customer's part commits on its own with its notice (one per customer and day), and a run resumed after a node died
 * skips the customers whose notice is already there. Fees and interest are charged through the ledger as items of
 * their own; notices go out through the notice channel their policy names once their part has committed.
 */
@Component(service = { DunningRuns.class, BackgroundDunningRuns.class }, configurationPid = DunningConfiguration.PID)
@Designate(ocd = DunningConfiguration.class)
public class BackgroundDunningRuns implements DunningRuns {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundDunningRuns.class);
    private static final DateTimeFormatter KEY_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    static final DunningSchedule DEFAULT_SCHEDULE = new DunningSchedule(true, LocalTime.of(6, 0));
    static final int CUSTOMERS_PER_PAGE = 1_000;

    private final Database database;
    private final StoredDunningPolicies policies;
    private final StoredInvoices invoices;
    private final StoredCustomerAccounts customers;
    private final Leases leases;
    private final TenantDirectory tenants;
    private final Clock clock;
    private volatile int deliveryAttempts;
    private final StoredNoticeTemplates templates;
    private final NoticeDocuments documents;
    private final Map<String, NoticeChannel> channels = new ConcurrentHashMap<>();
    private final List<ConfiguredChannelAccount> accounts = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService sweep;

    @Activate
    public BackgroundDunningRuns(@Reference Database database, @Reference StoredDunningPolicies policies,
            @Reference StoredInvoices invoices, @Reference StoredCustomerAccounts customers, @Reference Leases leases,
            @Reference TenantDirectory tenants, @Reference StoredNoticeTemplates templates,
            @Reference NoticeDocuments documents, DunningConfiguration config) {
        this(database, policies, invoices, customers, leases, tenants, templates, documents, Clock.systemUTC(),
                config.deliveryAttempts(), config.sweepSeconds());
    }

    /** With {@code sweepSeconds} 0, nothing runs by itself: tests call {@link #sweep()}. */
    BackgroundDunningRuns(Database database, StoredDunningPolicies policies, StoredInvoices invoices,
            StoredCustomerAccounts customers, Leases leases, TenantDirectory tenants, StoredNoticeTemplates templates,
            NoticeDocuments documents, Clock clock, int deliveryAttempts, int sweepSeconds) {
        this.database = database;
        this.policies = policies;
        this.invoices = invoices;
        this.customers = customers;
        this.leases = leases;
        this.tenants = tenants;
        this.templates = templates;
        this.documents = documents;
        this.clock = clock;
        configure(deliveryAttempts, sweepSeconds);
    }

    /**
     * A new interval or number of attempts, taken in place: reactivating would take the dunning service, and the
     * REST resources on it, away while the configuration changes.
     */
    @Modified
    void configure(DunningConfiguration config) throws InterruptedException {
        stopSweep();
        configure(config.deliveryAttempts(), config.sweepSeconds());
    }

    private synchronized void configure(int deliveryAttempts, int sweepSeconds) {
        if (deliveryAttempts < 1) {
            throw new IllegalArgumentException("deliveryAttempts must be at least 1, not " + deliveryAttempts);
        }
        this.deliveryAttempts = deliveryAttempts;
        this.sweep = sweepSeconds > 0 ? BackgroundThreads.every("receivables-dunning", sweepSeconds, this::sweep) : null;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopSweep();
    }

    private synchronized void stopSweep() throws InterruptedException {
        if (sweep != null) {
            BackgroundThreads.stop(sweep);
            sweep = null;
        }
    }

    /** Announces broken promises; a host without it breaks them silently. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile BusinessEvents events;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(NoticeChannel channel, Map<String, Object> properties) {
        Object id = properties.get(NoticeChannel.ID);
        if (id instanceof String name && !name.isBlank()) {
            channels.put(name, channel);
        } else {
            LOG.warn("A notice channel without the {} property is ignored", NoticeChannel.ID);
        }
    }

    void removeChannel(NoticeChannel channel, Map<String, Object> properties) {
        channels.values().remove(channel);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAccount(ConfiguredChannelAccount account) {
        accounts.add(account);
    }

    void removeAccount(ConfiguredChannelAccount account) {
        accounts.remove(account);
    }

    /** Starts each tenant's run that is due by its schedule and not done yet; one failing tenant stops no other. */
    void sweep() {
        leases.eachTenantDue(tenants.enabledTenants(), "dunning run", tenant -> {
            DunningSchedule schedule = schedule(tenant);
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(tenants.timeZone(tenant)));
            LocalDate today = now.toLocalDate();
            boolean due = schedule.enabled() && !now.toLocalTime().isBefore(schedule.runAt())
                    && find(tenant, today).map(run -> run.status() != DunningRunStatus.COMPLETED).orElse(true);
            return due ? Optional.of(new Leases.Due(work(today), lease -> run(tenant, today, lease))) : Optional.empty();
        });
    }

    @Override
    public List<DunningNotice> preview(TenantId tenant, LocalDate date) {
        requireDate(date);
        return database.inTransaction(tenant, session -> {
            List<DunningNotice> notices = new ArrayList<>();
            Map<String, Optional<DunningPolicy>> policiesRead = new HashMap<>();
            openItems(session, tenant, date, null).forEach((customerId, items) -> {
                Optional<DunningPolicy> policy = policies.policyFor(session, customerId, policiesRead);
                if (policy.isEmpty()) {
                    return;
                }
                Outcome outcome = outcome(session, policy.get(), date, customerId, items, dunningStates(session, customerId),
                        latestNotice(session, customerId, date.minusDays(1)), promisePending(session, customerId, date));
                if (outcome.noticeGoesOut()) {
                    notices.add(notice(null, date, customerId, policy.get(), outcome, List.of(),
                            DeliveryStatus.PENDING, null));
                }
            });
            return notices;
        });
    }

    @Override
    public DunningRun run(TenantId tenant, LocalDate date) {
        requireDate(date);
        // Tomorrow in UTC is today in the zones ahead of it.
        if (date.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new InvalidRequestException(FieldViolation.of("date", "must not be in the future: a day is dunned once it has come"));
        }
        Optional<DunningRun> done = find(tenant, date).filter(run -> run.status() == DunningRunStatus.COMPLETED);
        if (done.isPresent()) {
            return done.get();
        }
        if (!leases.runLeased(tenant, work(date), lease -> run(tenant, date, lease))) {
            throw new ConflictException("the dunning run of " + date + " is under way on another node");
        }
        return find(tenant, date).orElseThrow();
    }

    @Override
    public Optional<DunningRun> find(TenantId tenant, LocalDate date) {
        return database.inTransaction(tenant, session -> Optional.ofNullable(session.find(DunningRunEntity.class, date))
                .map(DunningRunEntity::toValue));
    }

    @Override
    public List<DunningNotice> notices(TenantId tenant, UUID customerId) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "from DunningNotice n where n.customerId = :customer order by n.runDate desc", DunningNoticeEntity.class)
                .setParameter("customer", customerId).getResultList().stream().map(notice -> toValue(session, notice))
                .toList());
    }

    @Override
    public DunningSchedule schedule(TenantId tenant) {
        return database.inTransaction(tenant, session -> NativeRow.list(session.createNativeQuery(
                        "select enabled, run_at from dunning_schedule where tenant_id = :tenant", Tuple.class)
                .setParameter("tenant", tenant.value())).stream().findFirst()
                .map(row -> new DunningSchedule(row.flag("enabled"), LocalTime.parse(row.text("run_at"))))
                .orElse(DEFAULT_SCHEDULE));
    }

    @Override
    public DunningSchedule schedule(TenantId tenant, DunningSchedule schedule) {
        if (schedule == null || schedule.runAt() == null) {
            throw new InvalidRequestException(FieldViolation.of(schedule == null ? "body" : "runAt", "is required"));
        }
        LocalTime runAt = schedule.runAt().truncatedTo(ChronoUnit.MINUTES);
        database.inTransaction(tenant, (session, tx) -> {
            int updated = session.createNativeMutationQuery("update dunning_schedule set enabled = :enabled,"
                            + " run_at = :runAt where tenant_id = :tenant")
                    .setParameter("enabled", schedule.enabled()).setParameter("runAt", runAt.toString())
                    .setParameter("tenant", tenant.value()).executeUpdate();
            if (updated == 0) {
                session.createNativeMutationQuery("insert into dunning_schedule (tenant_id, enabled, run_at)"
                                + " values (:tenant, :enabled, :runAt)")
                        .setParameter("enabled", schedule.enabled()).setParameter("runAt", runAt.toString())
                        .setParameter("tenant", tenant.value()).executeUpdate();
            }
        });
        return new DunningSchedule(schedule.enabled(), runAt);
    }

    /** Does the run of {@code date} while {@code lease} is held, from where it got to. */
    private void run(TenantId tenant, LocalDate date, Lease lease) {
        boolean due = database.inTransaction(tenant, session -> {
            leases.confirm(session, lease);
            DunningRunEntity run = session.find(DunningRunEntity.class, date);
            if (run == null) {
                session.persist(new DunningRunEntity(date, now()));
                return true;
            }
            return run.status != DunningRunStatus.COMPLETED;
        });
        if (!due) {
            return;
        }
        chargeInterestOfPaidItems(tenant, date, lease);
        // A page of customers at a time, so that the heap holds one page's open items, not the tenant's.
        List<UUID> page = List.of();
        // Each policy is read once for the run: the run duns under the policies as they were when it first needed them.
        Map<String, Optional<DunningPolicy>> policiesRead = new HashMap<>();
        do {
            UUID after = page.isEmpty() ? null : page.get(page.size() - 1);
            page = database.inTransaction(tenant, session -> customerPage(session, after));
            List<UUID> customers = page;
            Map<UUID, List<OpenItem>> open = page.isEmpty() ? Map.of()
                    : database.inTransaction(tenant, session -> openItems(session, tenant, date, customers));
            for (Map.Entry<UUID, List<OpenItem>> customer : open.entrySet()) {
                if (!lease.held() || Thread.currentThread().isInterrupted()) {
                    return;
                }
                try {
                    dunCustomer(tenant, date, lease, customer.getKey(), customer.getValue(), policiesRead);
                } catch (RuntimeException e) {
                    if (!lease.held()) {
                        return;
                    }
                    // One customer's failure (e.g. no exchange rate for a charge) stops no other; it is tried tomorrow.
                    LOG.warn("Dunning customer {} of tenant {} on {} failed", customer.getKey(), tenant, date, e);
                }
            }
        } while (page.size() == CUSTOMERS_PER_PAGE);
        database.inTransaction(tenant, (session, tx) -> {
            leases.confirm(session, lease);
            DunningRunEntity run = session.find(DunningRunEntity.class, date);
            run.status = DunningRunStatus.COMPLETED;
            run.finishedAt = now();
            run.notices = session.createSelectionQuery("select count(n) from DunningNotice n where n.runDate = :date",
                    Long.class).setParameter("date", date).getSingleResult().intValue();
        });
        retryDeliveries(tenant, date);
    }

    /** The customer's part of the run, in one transaction with its notice; nothing when its notice is there. */
    private void dunCustomer(TenantId tenant, LocalDate date, Lease lease, UUID customerId, List<OpenItem> items,
            Map<String, Optional<DunningPolicy>> policiesRead) {
        UUID noticeId = database.inTransaction(tenant, (session, tx) -> {
            leases.confirm(session, lease);
            Optional<LocalDate> lastNotice = latestNotice(session, customerId, date);
            if (lastNotice.filter(date::equals).isPresent()) {
                return null;
            }
            Optional<DunningPolicy> found = policies.policyFor(session, customerId, policiesRead);
            if (found.isEmpty()) {
                return null;
            }
            DunningPolicy policy = found.get();
            boolean promisePending = settlePromises(session, tx, tenant, date, customerId);
            Map<UUID, InstallmentDunningEntity> stored = dunningStates(session, customerId);
            Outcome outcome = outcome(session, policy, date, customerId, items, stored, lastNotice, promisePending);
            outcome.states().forEach((installment, state) -> store(session, stored, installment, customerId, state));
            if (!outcome.noticeGoesOut()) {
                return null;
            }
            UUID id = UUID.randomUUID();
            List<String> chargeNumbers = new ArrayList<>();
            String suffix = KEY_DAY.format(date) + "-" + customerId;
            if (outcome.fee().isPositive()) {
                chargeNumbers.add(charge(session, tx, tenant, id, new Charge("DUN-F-" + suffix, ChargeKind.DUNNING_FEE,
                        customerId, outcome.fee(), Descriptions.fee(policy.language(), outcome.level()),
                        policy.chargeTermsCode(), date)));
            }
            outcome.interest().forEach((currency, amount) -> chargeNumbers.add(charge(session, tx, tenant, id,
                    new Charge("DUN-I-" + suffix + "-" + currency, ChargeKind.INTEREST, customerId, amount,
                            Descriptions.interest(policy.language()), policy.chargeTermsCode(), date))));
            DunningNotice notice = notice(id, date, customerId, policy, outcome, chargeNumbers, DeliveryStatus.PENDING,
                    null);
            session.persist(new DunningNoticeEntity(notice, now()));
            for (int i = 0; i < outcome.notice().size(); i++) {
                session.persist(new NoticeItemEntity(id, outcome.noticeInstallments().get(i), outcome.notice().get(i)));
            }
            CustomerAccountEntity customer = session.find(CustomerAccountEntity.class, customerId);
            if (outcome.creditHold()) {
                customer.holdCredit(now());
            }
            for (CollectionStage stage : outcome.escalations()) {
                session.persist(new CollectionTaskEntity(customerId, stage, "dunning level " + outcome.level()
                        + " of policy " + policy.code() + " reached", date, now()));
            }
            return id;
        });
        if (noticeId != null) {
            deliver(tenant, noticeId);
        }
    }

    private String charge(Session session, UnitOfWork tx, TenantId tenant, UUID noticeId, Charge charge) {
        Invoice item = invoices.charge(session, tx, tenant, charge);
        session.persist(new DunningChargeEntity(item.id(), charge.kind(), noticeId));
        return item.number();
    }

    /**
     * Interest accrued on items paid since it was last charged is charged now, per customer and currency, so that
     * paying the principal never loses it.
     */
    private void chargeInterestOfPaidItems(TenantId tenant, LocalDate date, Lease lease) {
        database.inTransaction(tenant, (session, tx) -> {
            leases.confirm(session, lease);
            List<NativeRow> paid = NativeRow.list(session.createNativeQuery("select d.installment_id, d.customer_id,"
                            + " i.currency, d.accrued_interest from dunning_installment d join installment i"
                            + " on i.tenant_id = d.tenant_id and i.id = d.installment_id where d.tenant_id = :tenant"
                            + " and i.open_amount = 0 and d.accrued_interest <> 0 order by d.customer_id, i.currency",
                    Tuple.class).setParameter("tenant", tenant.value()));
            Map<UUID, Map<String, List<UUID>>> owed = new LinkedHashMap<>();
            for (NativeRow row : paid) {
                owed.computeIfAbsent(row.uuid("customer_id"), customer -> new LinkedHashMap<>())
                        .computeIfAbsent(row.text("currency"), currency -> new ArrayList<>()).add(row.uuid("installment_id"));
            }
            owed.forEach((customerId, byCurrency) -> byCurrency.forEach((currency, installments) -> {
                List<InstallmentDunningEntity> states = installments.stream()
                        .map(id -> session.find(InstallmentDunningEntity.class, id)).toList();
                BigDecimal accrued = states.stream().map(state -> state.accruedInterest).reduce(BigDecimal.ZERO,
                        BigDecimal::add);
                Money amount = Money.rounded(accrued, currency);
                // Less than the minor unit stays accrued (on the first item) until more joins it.
                if (amount.isPositive()) {
                    states.forEach(state -> state.accruedInterest = BigDecimal.ZERO);
                    states.get(0).accruedInterest = accrued.subtract(amount.amount());
                    DunningPolicy policy = policies.policyFor(session, customerId).orElse(null);
                    String language = policy == null ? "en" : policy.language();
                    String terms = policy == null ? PolicyRules.DEFAULT_CHARGE_TERMS : policy.chargeTermsCode();
                    charge(session, tx, tenant, null, new Charge("DUN-P-" + KEY_DAY.format(date) + "-" + customerId + "-"
                            + currency, ChargeKind.INTEREST, customerId, amount, Descriptions.interest(language), terms,
                            date));
                }
            }));
        });
    }

    /**
     * Promises past their date are kept or broken; a broken one resumes dunning, becomes a task and is announced
     * ({@link EventTopics#PROMISE_BROKEN}) once this customer's part commits. Returns whether a promise is still
     * pending (open, its date not passed), as {@link #promisePending} would tell after this.
     */
    private boolean settlePromises(Session session, UnitOfWork tx, TenantId tenant, LocalDate date, UUID customerId) {
        List<PromiseEntity> open = session.createSelectionQuery("from PromiseToPay p where p.customerId = :customer"
                + " and p.status = :open", PromiseEntity.class).setParameter("customer", customerId)
                .setParameter("open", PromiseStatus.OPEN).getResultList();
        boolean pending = false;
        for (PromiseEntity promise : open) {
            BigDecimal paid = session.createNativeQuery("select coalesce(sum(a.amount), 0) from allocation a"
                            + " join installment i on i.tenant_id = a.tenant_id and i.id = a.installment_id"
                            + " where a.tenant_id = :tenant and i.customer_id = :customer and i.currency = :currency"
                            + " and a.allocated_at >= :since and a.value_date <= :until", BigDecimal.class)
                    .setParameter("tenant", promise.tenantId()).setParameter("customer", customerId)
                    .setParameter("currency", promise.currency).setParameter("since", promise.madeAt)
                    .setParameter("until", promise.promisedFor).getSingleResult();
            if (paid.compareTo(promise.amount) >= 0) {
                promise.status = PromiseStatus.KEPT;
            } else if (date.isAfter(promise.promisedFor)) {
                promise.status = PromiseStatus.BROKEN;
                session.persist(new CollectionTaskEntity(customerId, null, "promise to pay " + promise.amount.toPlainString()
                        + " " + promise.currency + " by " + promise.promisedFor + " was broken", date, now()));
                BusinessEvents announce = events;
                if (announce != null) {
                    announce.afterCommit(tx, EventTopics.PROMISE_BROKEN, Map.of(EventTopics.TENANT, tenant.value(),
                            EventTopics.ID, promise.id.toString(), EventTopics.CUSTOMER_ID, customerId.toString(),
                            EventTopics.CURRENCY, promise.currency, EventTopics.AMOUNT,
                            Money.rounded(promise.amount, promise.currency).amount().toPlainString(),
                            EventTopics.PROMISED_FOR, promise.promisedFor.toString()));
                }
            } else {
                pending = true;
            }
        }
        return pending;
    }

    /** Where each of the customer's installments stands in dunning, by installment; none for those never dunned. */
    private static Map<UUID, InstallmentDunningEntity> dunningStates(Session session, UUID customerId) {
        return session.createSelectionQuery("from InstallmentDunning d where d.customerId = :customer",
                        InstallmentDunningEntity.class).setParameter("customer", customerId).getResultStream()
                .collect(Collectors.toMap(d -> d.installmentId, d -> d));
    }

    /** The day of the customer's latest notice up to {@code upTo}, that day included; none when it has had none. */
    private static Optional<LocalDate> latestNotice(Session session, UUID customerId, LocalDate upTo) {
        return Optional.ofNullable(session.createSelectionQuery(
                        "select max(n.runDate) from DunningNotice n where n.customerId = :customer and n.runDate <= :upTo",
                        LocalDate.class).setParameter("customer", customerId).setParameter("upTo", upTo).getSingleResult());
    }

    /** Whether a promise to pay of the customer is open and its date not passed on {@code date}. */
    private static boolean promisePending(Session session, UUID customerId, LocalDate date) {
        return !session.createSelectionQuery("select p.id from PromiseToPay p where p.customerId = :customer"
                        + " and p.status = :open and p.promisedFor >= :date", UUID.class).setParameter("customer", customerId)
                .setParameter("open", PromiseStatus.OPEN).setParameter("date", date).getResultList().isEmpty();
    }

    /**
     * What the customer's dunning comes to on {@code date}: {@code lastNotice} is the customer's notice before that day,
     * if any.
     */
    private Outcome outcome(Session session, DunningPolicy policy, LocalDate date, UUID customerId, List<OpenItem> items,
            Map<UUID, InstallmentDunningEntity> stored, Optional<LocalDate> lastNotice, boolean promisePending) {
        Map<UUID, ItemState> states = new LinkedHashMap<>();
        stored.forEach((installment, d) -> states.put(installment, new ItemState(d.noticedLevel, d.feeLevel,
                d.accruedInterest, d.accruedUntil)));
        String currency = session.find(CustomerAccountEntity.class, customerId).currency();
        return DunningCalculation.of(policy, date, currency, items, states, lastNotice, promisePending);
    }

    /** Keeps the item's new state; {@code stored} is the customer's as {@link #dunningStates} read them. */
    private static void store(Session session, Map<UUID, InstallmentDunningEntity> stored, UUID installmentId,
            UUID customerId, ItemState state) {
        InstallmentDunningEntity entity = stored.get(installmentId);
        if (entity == null) {
            if (state.equals(ItemState.NEW)) {
                return;
            }
            entity = new InstallmentDunningEntity(installmentId, customerId);
            session.persist(entity);
        }
        entity.noticedLevel = state.noticedLevel();
        entity.feeLevel = state.feeLevel();
        entity.accruedInterest = state.accrued();
        entity.accruedUntil = state.accruedUntil();
    }

    /** The next {@value #CUSTOMERS_PER_PAGE} customers of the tenant after {@code after} in the order of their ids. */
    private static List<UUID> customerPage(Session session, UUID after) {
        var page = session.createSelectionQuery("select c.id from CustomerAccount c"
                + (after == null ? "" : " where c.id > :after") + " order by c.id", UUID.class)
                .setMaxResults(CUSTOMERS_PER_PAGE);
        if (after != null) {
            page.setParameter("after", after);
        }
        return page.getResultList();
    }

    /**
     * The open installments of issued invoices by customer, of {@code customers} or of the whole tenant when null, those
     * due within a year from {@code date} included (for reminders), ordered by customer and due date.
     */
    private static Map<UUID, List<OpenItem>> openItems(Session session, TenantId tenant, LocalDate date,
            List<UUID> customers) {
        Map<UUID, List<OpenItem>> byCustomer = new LinkedHashMap<>();
        LocalDate horizon = date.isAfter(ValueRanges.LAST_DAY.minusDays(PolicyRules.MAX_DAYS_BEFORE)) ? ValueRanges.LAST_DAY
                : date.plusDays(PolicyRules.MAX_DAYS_BEFORE);
        NativeQuery<Tuple> query = session.createNativeQuery("select i.id, i.invoice_id, i.sequence_number, i.customer_id,"
                        + " i.currency, i.due_date, i.open_amount, v.invoice_number,"
                        + " exists (select 1 from invoice_dispute d where d.tenant_id = i.tenant_id"
                        + " and d.invoice_id = i.invoice_id and d.resolved_at is null) as disputed,"
                        + " exists (select 1 from dunning_charge c where c.tenant_id = i.tenant_id"
                        + " and c.invoice_id = i.invoice_id) as charged"
                        + " from installment i join invoice v on v.tenant_id = i.tenant_id and v.id = i.invoice_id"
                        + " where i.tenant_id = :tenant and i.open_amount > 0 and v.status in ('ISSUED', 'PARTIALLY_PAID')"
                        + " and i.due_date <= :horizon" + (customers == null ? "" : " and i.customer_id in (:customers)")
                        + " order by i.customer_id, i.due_date, v.invoice_number, i.sequence_number", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("horizon", horizon);
        if (customers != null) {
            query.setParameterList("customers", customers);
        }
        NativeRow.stream(query)
                .forEach(row -> byCustomer.computeIfAbsent(row.uuid("customer_id"), customer -> new ArrayList<>())
                        .add(new OpenItem(row.uuid("id"), row.uuid("invoice_id"), row.text("invoice_number"),
                                row.integer("sequence_number"), row.date("due_date"),
                                row.money("currency", "open_amount"), row.flag("disputed"), row.flag("charged"))));
        return byCustomer;
    }

    /** Delivers the notice through its channel and records what became of it; never throws. */
    void deliver(TenantId tenant, UUID noticeId) {
        try {
            Optional<Pending> pending = database.inTransaction(tenant, session -> {
                DunningNoticeEntity notice = session.find(DunningNoticeEntity.class, noticeId);
                if (notice == null || notice.delivery != DeliveryStatus.PENDING) {
                    return Optional.<Pending>empty();
                }
                CustomerAccount customer = customers.find(session, notice.customerId).orElseThrow();
                NoticeChannel channel = channels.get(notice.channel);
                String address = channel == null ? null : address(channel.address(), customer);
                if (channel == null || address == null || address.isBlank()) {
                    // Settled here, without writing out a notice that nobody can be sent.
                    notice.attempted(DeliveryStatus.UNREACHABLE, channel == null
                            ? "no notice channel '" + notice.channel + "' is installed"
                            : "the customer has no address for channel '" + notice.channel + "'", deliveryAttempts);
                    return Optional.<Pending>empty();
                }
                String language = policies.policyFor(session, notice.customerId).map(DunningPolicy::language).orElse("en");
                DunningNotice value = toValue(session, notice);
                RenderedNotice rendered = NoticeTexts.render(templates.inUse(session, NoticeTexts.levelOf(value), language),
                        value, new Addressee(customer.id(), customer.name(), customer.number()),
                        templates.payLink(session).orElse(null));
                NoticeStatement statement = NoticeStatement.of(session, tenant, customer.id(),
                        LocalDate.now(clock.withZone(tenants.timeZone(tenant))));
                return Optional.of(new Pending(notice.channel, channel, tenant, noticeId, customer.name(), address,
                        language, rendered, statement, value.runDate()));
            });
            if (pending.isEmpty()) {
                return;
            }
            NoticeDelivery delivery = attempt(pending.get().by(), context(tenant, pending.get().channel()),
                    pending.get().message(documents));
            DeliveryStatus status = switch (delivery.outcome()) {
                case DELIVERED -> DeliveryStatus.DELIVERED;
                case REFUSED -> DeliveryStatus.FAILED;
                case FAILED_FOR_NOW -> DeliveryStatus.PENDING;
            };
            database.inTransaction(tenant, (session, tx) -> {
                DunningNoticeEntity notice = session.find(DunningNoticeEntity.class, noticeId);
                notice.attempted(status, delivery.detail(), deliveryAttempts);
            });
        } catch (RuntimeException e) {
            LOG.warn("Delivering notice {} of tenant {} failed; it is tried again with the next run", noticeId, tenant, e);
        }
    }

    /** The tenant's settings for the channel; none when it has no account for it, or an unusable one. */
    private ChannelContext context(TenantId tenant, String channel) {
        return new ChannelContext(tenant, accounts.stream().filter(account -> account.of(tenant, channel)).findFirst()
                .map(ConfiguredChannelAccount::settings).orElse(Map.of()));
    }

    private static NoticeDelivery attempt(NoticeChannel channel, ChannelContext context, NoticeMessage message) {
        try {
            NoticeDelivery delivery = channel.deliver(context, message);
            return delivery == null ? NoticeDelivery.failedForNow("the channel answered nothing") : delivery;
        } catch (RuntimeException e) {
            LOG.warn("Notice channel {} failed on notice {}", channel, message.noticeId(), e);
            return NoticeDelivery.failedForNow("the channel failed: " + e.getClass().getSimpleName());
        }
    }

    /** Tries once more every notice of an earlier run whose delivery failed for now: one attempt per run. */
    void retryDeliveries(TenantId tenant, LocalDate date) {
        database.inTransaction(tenant, session -> session.createSelectionQuery("select n.id from DunningNotice n"
                                + " where n.delivery = :pending and n.runDate < :date order by n.createdAt", UUID.class)
                        .setParameter("pending", DeliveryStatus.PENDING).setParameter("date", date).getResultList())
                .forEach(id -> deliver(tenant, id));
    }

    /** The customer's address of the kind the channel declares; {@code null} when the customer has none. */
    static String address(AddressKind kind, CustomerAccount customer) {
        return switch (kind) {
            case EMAIL -> customer.email();
            case PHONE -> customer.phone();
            case POSTAL -> postal(customer);
        };
    }

    private static String postal(CustomerAccount customer) {
        BillingAddress address = customer.billingAddress();
        if (address == null || address.line1() == null || address.line1().isBlank()) {
            return null;
        }
        String cityLine = Stream.of(address.postalCode(), address.city()).filter(part -> part != null && !part.isBlank())
                .map(String::strip).collect(Collectors.joining(" "));
        return Stream.of(customer.name(), address.line1(), address.line2(), cityLine, address.region(), address.country())
                .filter(line -> line != null && !line.isBlank()).map(String::strip).collect(Collectors.joining("\n"));
    }

    /**
     * A notice written out with the customer's statement, to be sent by {@code by}; its PDF is made outside the
     * transaction.
     */
    private record Pending(String channel, NoticeChannel by, TenantId tenant, UUID noticeId, String recipient,
            String address, String language, RenderedNotice rendered, NoticeStatement statement, LocalDate runDate) {

        NoticeMessage message(NoticeDocuments documents) {
            return new NoticeMessage(tenant, noticeId, recipient, address, language, rendered.subject(), rendered.text(),
                    rendered.html(), List.of(new NoticeAttachment((NoticeTexts.chinese(language) ? "催款通知-" : "notice-")
                    + runDate + ".pdf", "application/pdf", documents.pdf(rendered, language, statement))));
        }
    }

    private static DunningNotice notice(UUID id, LocalDate date, UUID customerId, DunningPolicy policy, Outcome outcome,
            List<String> chargeNumbers, DeliveryStatus delivery, String detail) {
        Money interest = outcome.interest().getOrDefault(outcome.overdue().currency(), Money.zero(outcome.overdue().currency()));
        return new DunningNotice(id, date, customerId, outcome.level(), outcome.notice(), outcome.overdue(), outcome.fee(),
                interest, chargeNumbers, policy.channel(), delivery, 0, detail);
    }

    private static DunningNotice toValue(Session session, DunningNoticeEntity notice) {
        List<NoticeItem> items = session.createSelectionQuery("select i, v.currency from NoticeItem i, Invoice v"
                        + " where v.id = i.invoiceId and i.noticeId = :notice order by i.dueDate, i.invoiceNumber, i.sequence",
                        Object[].class)
                .setParameter("notice", notice.id).getResultStream()
                .map(row -> ((NoticeItemEntity) row[0]).toValue((String) row[1])).toList();
        List<String> charges = session.createSelectionQuery("select v.number from DunningCharge c, Invoice v"
                        + " where v.id = c.invoiceId and c.noticeId = :notice order by v.number", String.class)
                .setParameter("notice", notice.id).getResultList();
        return notice.toValue(items, charges);
    }

    private static void requireDate(LocalDate date) {
        if (date == null) {
            throw new InvalidRequestException(FieldViolation.of("date", "is required"));
        }
        String problem = ValueRanges.dateProblem(date);
        if (problem != null) {
            throw new InvalidRequestException(FieldViolation.of("date", problem));
        }
    }

    private static String work(LocalDate date) {
        return "dunning/" + date;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
