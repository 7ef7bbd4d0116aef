package receivables.impl.intent.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.intent.IntentRefund;
import receivables.api.intent.IntentRefundStatus;
import receivables.api.intent.IntentRequest;
import receivables.api.intent.IntentStatus;
import receivables.api.intent.IntentTransition;
import receivables.api.intent.NotificationAnswer;
import receivables.api.intent.PaymentIntent;
import receivables.api.intent.PaymentIntents;
import receivables.api.intent.ProviderOffer;
import receivables.api.intent.RefundRequest;
import receivables.api.money.Money;
import receivables.api.payment.Allocation;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRefundRequest;
import receivables.api.payment.PaymentRequest;
import receivables.api.provider.IntentLookup;
import receivables.api.provider.PaymentCancellation;
import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentQuery;
import receivables.api.provider.PaymentRefunds;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderFailure;
import receivables.api.provider.ProviderOutcome;
import receivables.api.provider.ProviderReport;
import receivables.api.provider.RawNotification;
import receivables.api.provider.RefundInstruction;
import receivables.api.provider.RefundOutcome;
import receivables.api.provider.RefundReport;
import receivables.api.provider.RejectedNotification;
import receivables.api.provider.VerifiedNotification;
import receivables.impl.ledger.internal.InvoiceState;
import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeValues;
import receivables.impl.persistence.internal.UnitOfWork;
import receivables.impl.provider.internal.InstalledProvider;
import receivables.impl.provider.internal.ProviderDirectory;
import receivables.impl.validation.internal.Violations;

/**
 * Payment intents kept in the receivables database. Provider calls happen outside transactions, and what they
 * answer is applied in one: the intent is locked, moves forward only, and the payment a success brings is
 * recorded in the same transaction under the intent's own idempotency key, so that no report, however often
 * it comes, counts twice.
 */
@Component(service = { PaymentIntents.class, StoredPaymentIntents.class }, configurationPid = IntentsConfiguration.PID)
@Designate(ocd = IntentsConfiguration.class)
public class StoredPaymentIntents implements PaymentIntents {

    private static final Logger LOG = LoggerFactory.getLogger(StoredPaymentIntents.class);
    private static final int DUE_BATCH = 100;
    /** The method of bank transfers, as the bank-transfer provider names it and statement imports book lines. */
    private static final String BANK_TRANSFER = "BANK_TRANSFER";
    /** The framework property the HTTP service takes its port from, and its default there. */
    static final String HTTP_PORT_PROPERTY = "org.osgi.service.http.port";
    private static final String DEFAULT_HTTP_PORT = "8080";

    private final Database database;
    private final ProviderDirectory providers;
    private final StoredPayments payments;
    private final ProviderCalls calls;
    private final Clock clock;

    private volatile IntentsConfiguration config;
    private volatile URI publicBaseUrl;

    @Activate
    public StoredPaymentIntents(@Reference Database database, @Reference ProviderDirectory providers,
            @Reference StoredPayments payments, @Reference ProviderCalls calls, IntentsConfiguration config,
            BundleContext context) {
        this(database, providers, payments, calls, Clock.systemUTC(), config, context.getProperty(HTTP_PORT_PROPERTY));
    }

    /** Intents on {@code clock}'s time; {@code httpPort} is this host's, for when no public base URL is configured. */
    StoredPaymentIntents(Database database, ProviderDirectory providers, StoredPayments payments, ProviderCalls calls,
            Clock clock, IntentsConfiguration config, String httpPort) {
        this.database = database;
        this.providers = providers;
        this.payments = payments;
        this.calls = calls;
        this.clock = clock;
        configure(config, httpPort);
    }

    @Modified
    void modified(IntentsConfiguration config, BundleContext context) {
        configure(config, context.getProperty(HTTP_PORT_PROPERTY));
    }

    private void configure(IntentsConfiguration config, String httpPort) {
        publicBaseUrl = publicBaseUrl(config.publicBaseUrl(), httpPort);
        this.config = config;
    }

    /** Where channels reach this host: as configured, or else this host's own HTTP port on localhost. */
    static URI publicBaseUrl(String configured, String httpPort) {
        if (configured != null && !configured.isBlank()) {
            return URI.create(configured.trim());
        }
        return URI.create("http://localhost:" + (httpPort == null || httpPort.isBlank() ? DEFAULT_HTTP_PORT : httpPort.trim()));
    }

    @Override
    public List<ProviderOffer> offers(TenantId tenant) {
        return providers.offers(tenant);
    }

    @Override
    public PaymentIntent create(TenantId tenant, IntentRequest request) {
        validate(request);
        InstalledProvider provider = usable(tenant, request.provider(), "provider");
        String method = method(provider, request.method());
        UUID intentId = database.once(tenant, request.idempotencyKey(),
                (session, key) -> byKey(session, key).map(earlier -> sameRequest(earlier, request).id),
                (session, tx) -> store(session, provider, method, request));
        start(tenant, intentId, "api");
        return find(tenant, intentId).orElseThrow();
    }

    @Override
    public Optional<PaymentIntent> find(TenantId tenant, UUID intentId) {
        return database.inTransaction(tenant, session -> Optional.ofNullable(session.find(PaymentIntentEntity.class, intentId))
                .map(intent -> toValue(session, intent)));
    }

    @Override
    public List<PaymentIntent> forInvoice(TenantId tenant, UUID invoiceId) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "from PaymentIntent p where p.invoiceId = :invoice order by p.createdAt", PaymentIntentEntity.class)
                .setParameter("invoice", invoiceId).getResultStream().map(intent -> toValue(session, intent)).toList());
    }

    @Override
    public PaymentIntent cancel(TenantId tenant, UUID intentId) {
        PaymentIntent intent = find(tenant, intentId).orElseThrow(() -> new NotFoundException("payment intent", intentId));
        if (!intent.status().open()) {
            return intent;
        }
        // A provider that cannot close payments is not asked: the intent is canceled here, and money that
        // still arrives for it is recorded as a late payment.
        Optional<PaymentCancellation> cancellation = providers.installed(intent.provider())
                .flatMap(InstalledProvider::cancellation);
        if (intent.status() == IntentStatus.PENDING && cancellation.isPresent()) {
            ProviderContext context = context(tenant, intent.provider());
            try {
                calls.call(intent.provider(), "cancel", () -> {
                    cancellation.get().cancel(context, intent);
                    return null;
                });
            } catch (ProviderFailure failure) {
                throw new ConflictException("provider " + intent.provider() + " did not close the payment ("
                        + failure.kind() + ": " + failure.getMessage() + "); the intent stays " + intent.status());
            }
        }
        apply(tenant, intent.provider(), new ProviderReport(intentId, null, ProviderOutcome.CANCELED, null, null),
                "api", "canceled");
        return find(tenant, intentId).orElseThrow();
    }

    @Override
    public PaymentIntent refund(TenantId tenant, UUID intentId, RefundRequest request) {
        new Violations().required("body", request).throwIfAny();
        new Violations().required("idempotencyKey", request.idempotencyKey())
                .maxLength("idempotencyKey", request.idempotencyKey(), 128)
                .maxLength("reason", request.reason(), 200).throwIfAny();
        UUID refundId = database.once(tenant, request.idempotencyKey(), (session, key) -> session.createSelectionQuery(
                        "from IntentRefund r where r.idempotencyKey = :key", IntentRefundEntity.class)
                .setParameter("key", key).uniqueResultOptional().map(earlier -> {
                    if (!earlier.intentId.equals(intentId)
                            || (request.amount() != null && !earlier.amount().equals(request.amount()))) {
                        throw new ConflictException("idempotency key " + key + " was already used for a different refund");
                    }
                    return earlier.id;
                }), (session, tx) -> newRefund(session, tenant, intentId, request));
        refundAtProvider(tenant, intentId, refundId);
        return find(tenant, intentId).orElseThrow();
    }

    private UUID newRefund(Session session, TenantId tenant, UUID intentId, RefundRequest request) {
        PaymentIntentEntity intent = locked(session, intentId);
        InstalledProvider provider = usable(tenant, intent.provider, "intent");
        if (!intent.status.paid() || intent.status == IntentStatus.REFUNDED) {
            throw new ConflictException("intent " + intentId + " is " + intent.status + "; only a paid intent is refunded");
        }
        if (provider.refunds().isEmpty()) {
            throw new InvalidRequestException(FieldViolation.of("intent", "provider " + intent.provider
                    + " cannot refund"));
        }
        Money pending = refunds(session, intentId).stream().filter(refund -> refund.status != IntentRefundStatus.FAILED)
                .map(IntentRefundEntity::amount).reduce(Money.zero(intent.currency), Money::plus);
        Money left = intent.amount().minus(pending);
        Money amount = request.amount() == null ? left : request.amount();
        if (!amount.currency().equals(intent.currency)) {
            throw new InvalidRequestException(FieldViolation.of("amount", "must be in the intent's currency " + intent.currency));
        }
        if (!amount.isPositive() || amount.compareTo(left) > 0) {
            throw new InvalidRequestException(FieldViolation.of("amount", "must be positive and at most the " + left
                    + " not refunded yet"));
        }
        if (amount.compareTo(intent.amount()) < 0 && !provider.partialRefunds()) {
            throw new InvalidRequestException(FieldViolation.of("amount", "provider " + intent.provider
                    + " refunds only the whole amount " + intent.amount()));
        }
        IntentRefundEntity refund = new IntentRefundEntity(intentId, request.idempotencyKey(), amount,
                request.reason() == null || request.reason().isBlank() ? "refund" : request.reason().trim(), now());
        session.persist(refund);
        return refund.id;
    }

    @Override
    public NotificationAnswer notify(TenantId tenant, String providerId, RawNotification notification) {
        InstalledProvider provider = providers.installed(providerId)
                .filter(installed -> providers.enabled(tenant, providerId))
                .orElseThrow(() -> new NotFoundException("payment provider", providerId));
        ProviderContext context = context(tenant, providerId);
        IntentLookup intents = lookup(tenant, providerId);
        VerifiedNotification verified;
        try {
            verified = calls.verify(providerId, () -> Objects.requireNonNull(
                    provider.service().verify(context, notification, intents), "verify answered null"));
        } catch (RejectedNotification rejected) {
            LOG.warn("Notification for tenant {} rejected by provider {}: {} ({})", tenant, providerId, rejected.reason(),
                    rejected.getMessage());
            throw new InvalidRequestException(FieldViolation.of("notification", rejected.reason() + ": "
                    + rejected.getMessage()));
        }
        apply(tenant, providerId, verified.report(), "notification", "notified " + verified.report().outcome());
        return new NotificationAnswer(verified.acknowledgement(), verified.acknowledgementType());
    }

    /** Starts intents whose start is due (never started, or failed and waiting for its retry). */
    int startDue(TenantId tenant) {
        List<UUID> due = database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "from PaymentIntent p where p.status = :status and p.retry.nextAttemptAt <= :now"
                                + " order by p.retry.nextAttemptAt",
                        PaymentIntentEntity.class)
                .setParameter("status", IntentStatus.CREATED).setParameter("now", now()).setMaxResults(DUE_BATCH)
                .getResultStream().map(intent -> intent.id).toList());
        due.forEach(intent -> start(tenant, intent, "janitor"));
        return due.size();
    }

    /** Asks providers about pending intents without news for a while, and expires the ones past their time. */
    int settlePending(TenantId tenant) {
        Instant quietSince = now().minusSeconds(config.queryPendingAfterSeconds());
        List<PaymentIntentEntity> quiet = database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "from PaymentIntent p where p.status = :status and p.updatedAt <= :since order by p.updatedAt",
                        PaymentIntentEntity.class)
                .setParameter("status", IntentStatus.PENDING).setParameter("since", quietSince)
                .setMaxResults(DUE_BATCH).getResultList());
        for (PaymentIntentEntity intent : quiet) {
            settle(tenant, intent.id);
        }
        return quiet.size();
    }

    /** Retries refunds the provider has not confirmed. */
    int retryRefunds(TenantId tenant) {
        List<IntentRefundEntity> due = database.inTransaction(tenant, session -> session.createSelectionQuery(
                        "from IntentRefund r where r.status = :status and r.retry.nextAttemptAt <= :now"
                                + " order by r.retry.nextAttemptAt",
                        IntentRefundEntity.class)
                .setParameter("status", IntentRefundStatus.PENDING).setParameter("now", now())
                .setMaxResults(DUE_BATCH).getResultList());
        due.forEach(refund -> refundAtProvider(tenant, refund.intentId, refund.id));
        return due.size();
    }

    void settle(TenantId tenant, UUID intentId) {
        PaymentIntent intent = find(tenant, intentId).orElseThrow();
        Optional<InstalledProvider> provider = providers.installed(intent.provider());
        if (provider.isEmpty() || !providers.enabled(tenant, intent.provider())) {
            return;
        }
        Instant expiry = expiry(intent);
        Optional<PaymentQuery> query = provider.get().query();
        if (query.isPresent()) {
            ProviderContext context = context(tenant, intent.provider());
            try {
                ProviderReport report = calls.call(intent.provider(), "query", () -> Objects.requireNonNull(
                        query.get().query(context, intent), "query answered null"));
                if (!report.intentId().equals(intentId)) {
                    LOG.warn("Provider {} answered a query for intent {} about intent {}", intent.provider(), intentId,
                            report.intentId());
                    return;
                }
                if (report.outcome() == ProviderOutcome.SUCCEEDED || now().isBefore(expiry)
                        || report.outcome() != ProviderOutcome.PENDING && report.outcome() != ProviderOutcome.UNKNOWN) {
                    apply(tenant, intent.provider(), report, "query", "queried: " + report.outcome());
                    return;
                }
            } catch (ProviderFailure failure) {
                touch(tenant, intentId, IntentText.failure(failure));
                return;
            }
        }
        if (!now().isBefore(expiry)) {
            apply(tenant, intent.provider(), new ProviderReport(intentId, null, ProviderOutcome.EXPIRED, null, null),
                    "janitor", "not paid by " + expiry);
        }
    }

    private Instant expiry(PaymentIntent intent) {
        Instant given = intent.instructions() == null ? null : intent.instructions().expiresAt();
        return given != null ? given : intent.createdAt().plus(Duration.ofMinutes(config.lifetimeMinutes()));
    }

    /** Asks the provider to start the intent, if it is still waiting to be started. */
    private void start(TenantId tenant, UUID intentId, String source) {
        PaymentIntent intent = find(tenant, intentId).orElseThrow();
        if (intent.status() != IntentStatus.CREATED) {
            return;
        }
        Optional<InstalledProvider> provider = providers.installed(intent.provider());
        if (provider.isEmpty() || !providers.enabled(tenant, intent.provider())) {
            return;
        }
        ProviderContext context = context(tenant, intent.provider());
        try {
            PaymentInstructions instructions = calls.call(intent.provider(), "start",
                    () -> provider.get().service().start(context, intent));
            if (instructions == null || !provider.get().presentations().contains(instructions.kind())) {
                throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "start at " + intent.provider()
                        + " answered " + (instructions == null ? "nothing" : instructions.kind() + " instructions")
                        + "; it presents " + provider.get().presentations());
            }
            database.inTransaction(tenant, (session, tx) -> {
                PaymentIntentEntity stored = locked(session, intentId);
                if (stored.status == IntentStatus.CREATED) {
                    stored.instruct(instructions);
                    stored.retry = stored.retry.done();
                    move(session, stored, IntentStatus.PENDING, source, "started at " + stored.provider);
                }
            });
        } catch (ProviderFailure failure) {
            database.inTransaction(tenant, (session, tx) -> {
                PaymentIntentEntity stored = locked(session, intentId);
                if (stored.status != IntentStatus.CREATED) {
                    return;
                }
                stored.retry = stored.retry.failed(IntentText.failure(failure), failure.retryable(),
                        Retry.Backoff.of(config), now());
                if (stored.retry.givenUp()) {
                    move(session, stored, IntentStatus.FAILED, source, stored.retry.lastError());
                } else {
                    stored.updatedAt = now();
                }
            });
        }
    }

    /**
     * Asks the provider to pay a pending refund back, or, once the channel has taken it, where it stands. The ledger
     * is changed only when the channel confirms.
     */
    private void refundAtProvider(TenantId tenant, UUID intentId, UUID refundId) {
        PaymentIntent intent = find(tenant, intentId).orElseThrow();
        IntentRefund refund = intent.refunds().stream().filter(candidate -> candidate.id().equals(refundId)).findFirst()
                .orElseThrow();
        Optional<PaymentRefunds> refunds = providers.installed(intent.provider()).flatMap(InstalledProvider::refunds);
        if (refund.status() != IntentRefundStatus.PENDING || refunds.isEmpty()
                || !providers.enabled(tenant, intent.provider())) {
            return;
        }
        boolean taken = database.inTransaction(tenant, session -> session.find(IntentRefundEntity.class, refundId)
                .acceptedAt != null);
        ProviderContext context = context(tenant, intent.provider());
        RefundInstruction instruction = new RefundInstruction(refundId, refund.amount(), refund.reason());
        try {
            RefundReport report = calls.call(intent.provider(), taken ? "refund status" : "refund",
                    () -> Objects.requireNonNull(taken ? refunds.get().refundStatus(context, intent, instruction)
                            : refunds.get().refund(context, intent, instruction), "the refund's report is missing"));
            database.inTransaction(tenant, (session, tx) -> {
                PaymentIntentEntity stored = locked(session, intentId);
                IntentRefundEntity pending = Database.locked(session, IntentRefundEntity.class, refundId);
                if (pending.status != IntentRefundStatus.PENDING) {
                    return;
                }
                if (report.providerReference() != null) {
                    pending.providerReference = NativeValues.clip(report.providerReference(), 128);
                }
                if (report.outcome() == RefundOutcome.PENDING) {
                    if (pending.acceptedAt == null) {
                        pending.acceptedAt = now();
                    }
                    pending.retry = pending.retry.askAgainAt(now().plusSeconds(config.queryPendingAfterSeconds()));
                } else if (report.outcome() == RefundOutcome.FAILED) {
                    pending.status = IntentLifecycle.REFUNDS.move(pending.status, IntentRefundStatus.FAILED);
                    pending.retry = pending.retry.done().noting(NativeValues.clip("refused by " + stored.provider
                            + (report.detail() == null ? "" : ": " + report.detail()), 500));
                } else {
                    pending.status = IntentLifecycle.REFUNDS.move(pending.status, IntentRefundStatus.SUCCEEDED);
                    pending.retry = pending.retry.done();
                    stored.refunded = stored.refunded().plus(pending.amount()).amount();
                    payments.refund(session, tx, tenant, stored.paymentId, new PaymentRefundRequest("intent-refund:" + refundId,
                            pending.amount(), LocalDate.ofInstant(now(), ZoneOffset.UTC), pending.reason));
                    move(session, stored, stored.refunded().equals(stored.amount()) ? IntentStatus.REFUNDED
                            : IntentStatus.PARTIALLY_REFUNDED, taken ? "query" : "api", "refunded " + pending.amount());
                }
            });
        } catch (ProviderFailure failure) {
            database.inTransaction(tenant, (session, tx) -> {
                IntentRefundEntity pending = Database.locked(session, IntentRefundEntity.class, refundId);
                if (pending.status != IntentRefundStatus.PENDING) {
                    return;
                }
                // A refund the channel has taken is asked about until it answers: the money may be on its way.
                Retry.Backoff backoff = Retry.Backoff.of(config);
                pending.retry = pending.retry.failed(IntentText.failure(failure), failure.retryable(),
                        pending.acceptedAt == null ? backoff : backoff.unlimited(), now());
                if (pending.retry.givenUp()) {
                    pending.status = IntentLifecycle.REFUNDS.move(pending.status, IntentRefundStatus.FAILED);
                }
            });
        }
    }

    /**
     * Applies what a provider reports. Final states stay final, except that money arriving for an intent that
     * failed, expired or was canceled is still recorded: a payment is never lost.
     */
    void apply(TenantId tenant, String provider, ProviderReport report, String source, String detail) {
        database.inTransaction(tenant, (session, tx) -> {
            PaymentIntentEntity intent = Database.locked(session, PaymentIntentEntity.class, report.intentId());
            // A provider reports only about its own intents, whatever its notification named.
            if (intent == null || !intent.provider.equals(provider)) {
                throw new InvalidRequestException(FieldViolation.of("notification", "names no intent of provider "
                        + provider));
            }
            if (report.providerReference() != null && intent.providerReference == null) {
                intent.providerReference = NativeValues.clip(report.providerReference(), 128);
            }
            switch (report.outcome()) {
                case SUCCEEDED -> {
                    if (!intent.status.paid()) {
                        succeed(session, tx, tenant, intent, report, source, detail);
                    }
                }
                case FAILED, CANCELED, EXPIRED -> {
                    if (intent.status.open()) {
                        intent.retry = intent.retry.done();
                        move(session, intent, IntentStatus.valueOf(report.outcome().name()), source, detail);
                    }
                }
                case PENDING -> {
                    if (intent.status == IntentStatus.CREATED) {
                        move(session, intent, IntentStatus.PENDING, source, detail);
                    } else if (intent.status == IntentStatus.PENDING) {
                        intent.updatedAt = now();
                    }
                }
                case UNKNOWN -> {
                }
            }
        });
    }

    /**
     * A bank transfer found on a statement was booked as {@code payment}: for each invoice it paid, the oldest
     * bank-transfer intent not yet paid (waiting, or expired, failed or canceled while the money was on its way)
     * is SUCCEEDED with that payment, in the caller's transaction, and records no payment of its own, so that the
     * money counts once whichever of the line and the intent came first. Intents already paid stay as they are.
     *
     * @param source what booked the line, as a transition's source ({@code statement}, {@code suspense})
     * @param where  which import or suspense item, for the transition's detail
     */
    public void paidByTransfer(Session session, Payment payment, String source, String where) {
        paidByTransfer(session, List.of(payment), source, where);
    }

    /**
     * Settles the intents {@code payments} paid, as {@link #paidByTransfer(Session, Payment, String, String)} does
     * for each in turn, looking for the intents waiting for all their invoices at once.
     */
    public void paidByTransfer(Session session, List<Payment> payments, String source, String where) {
        List<Payment> byTransfer = payments.stream().filter(payment -> BANK_TRANSFER.equals(payment.method())
                && !payment.allocations().isEmpty()).toList();
        if (byTransfer.isEmpty()) {
            return;
        }
        List<Object[]> rows = session.createSelectionQuery("select p.invoiceId, p.id from PaymentIntent p"
                        + " where p.invoiceId in :invoices and p.method = :method and p.status not in :paid"
                        + " order by p.createdAt, p.id", Object[].class)
                .setParameter("invoices", byTransfer.stream().flatMap(payment -> payment.allocations().stream())
                        .map(Allocation::invoiceId).distinct().toList())
                .setParameter("method", BANK_TRANSFER)
                .setParameterList("paid", List.of(IntentStatus.SUCCEEDED, IntentStatus.PARTIALLY_REFUNDED, IntentStatus.REFUNDED))
                .getResultList();
        if (rows.isEmpty()) {
            return;
        }
        for (Payment payment : byTransfer) {
            Set<UUID> invoices = payment.allocations().stream().map(Allocation::invoiceId).collect(Collectors.toSet());
            // oldest first, as the rows come
            List<UUID> waiting = rows.stream().filter(row -> invoices.contains((UUID) row[0])).map(row -> (UUID) row[1])
                    .toList();
            if (!waiting.isEmpty()) {
                settle(session, payment, waiting, source, where);
            }
        }
    }

    private void settle(Session session, Payment payment, List<UUID> waiting, String source, String where) {
        Set<UUID> settled = new HashSet<>();
        for (UUID intentId : waiting) {
            PaymentIntentEntity intent = Database.locked(session, PaymentIntentEntity.class, intentId);
            if (intent.status.paid() || !settled.add(intent.invoiceId)) {
                continue;
            }
            Money paid = payment.allocations().stream().filter(allocation -> allocation.invoiceId().equals(intent.invoiceId))
                    .map(Allocation::amount).reduce(Money::plus).orElseThrow();
            intent.paymentId = payment.id();
            intent.retry = intent.retry.done();
            String detail = "bank transfer " + payment.id() + " booked " + paid + " to the invoice (" + where + ")";
            move(session, intent, IntentStatus.SUCCEEDED, source, intent.status.open() ? detail
                    : detail + " after the intent was " + intent.status);
        }
    }

    private void succeed(Session session, UnitOfWork tx, TenantId tenant, PaymentIntentEntity intent,
            ProviderReport report, String source, String detail) {
        Money paid = report.amount();
        if (!paid.currency().equals(intent.currency)) {
            throw new InvalidRequestException(FieldViolation.of("amount", "provider reported " + paid + " for an intent in "
                    + intent.currency));
        }
        InvoiceState invoice = InvoiceState.find(session, intent.invoiceId).orElseThrow();
        boolean invoiceOpen = invoice.status().collectible();
        // What the invoice no longer needs is allocated by the ledger's rules: oldest due first, then credit.
        List<AllocationTarget> targets = invoiceOpen
                ? List.of(new AllocationTarget(invoice.id(), null, paid.min(invoice.open())))
                : List.of();
        Instant paidAt = report.occurredAt() == null ? now() : report.occurredAt();
        String payer = intent.provider + ":" + (intent.providerReference == null ? intent.id : intent.providerReference);
        Payment payment = payments.record(session, tx, tenant, new PaymentRequest("intent:" + intent.id,
                intent.customerId, intent.method, paid, LocalDate.ofInstant(paidAt, ZoneOffset.UTC),
                NativeValues.clip(payer, 140), targets));
        intent.paymentId = payment.id();
        intent.retry = intent.retry.done();
        String moved = paid.equals(intent.amount()) ? detail : detail + "; paid " + paid + " of " + intent.amount();
        move(session, intent, IntentStatus.SUCCEEDED, source, intent.status.open() ? moved
                : moved + " after the intent was " + intent.status);
    }

    /** The one way an intent's status changes: by {@link IntentLifecycle#INTENTS}, with its transition kept. */
    private void move(Session session, PaymentIntentEntity intent, IntentStatus to, String source, String detail) {
        Instant now = now();
        IntentStatus from = intent.status;
        intent.status = IntentLifecycle.INTENTS.move(intent.status, to);
        session.persist(new IntentTransitionEntity(intent.id, from, to, now, source, detail));
        intent.updatedAt = now;
    }

    private void touch(TenantId tenant, UUID intentId, String error) {
        database.inTransaction(tenant, (session, tx) -> {
            PaymentIntentEntity intent = locked(session, intentId);
            intent.retry = intent.retry.noting(error);
            intent.updatedAt = now();
        });
    }

    private UUID store(Session session, InstalledProvider provider, String method, IntentRequest request) {
        Optional<PaymentIntentEntity> earlier = byKey(session, request.idempotencyKey());
        if (earlier.isPresent()) {
            return sameRequest(earlier.get(), request).id;
        }
        InvoiceState invoice = InvoiceState.find(session, request.invoiceId()).orElseThrow(() ->
                new InvalidRequestException(FieldViolation.of("invoiceId", "is not an invoice of this tenant")));
        if (!invoice.status().collectible()) {
            throw new InvalidRequestException(FieldViolation.of("invoiceId", "is " + invoice.status()
                    + "; only an issued invoice with an open amount can be paid"));
        }
        if (!provider.currencies().contains(invoice.currency())) {
            throw new InvalidRequestException(FieldViolation.of("provider", provider.id() + " does not take "
                    + invoice.currency() + "; it takes " + String.join(", ", provider.currencies())));
        }
        Money amount = request.amount() == null ? invoice.open() : request.amount();
        if (!amount.currency().equals(invoice.currency())) {
            throw new InvalidRequestException(FieldViolation.of("amount", "must be in the invoice's currency "
                    + invoice.currency()));
        }
        if (!amount.isPositive() || amount.compareTo(invoice.open()) > 0) {
            throw new InvalidRequestException(FieldViolation.of("amount", "must be positive and at most the "
                    + invoice.open() + " open"));
        }
        PaymentIntentEntity intent = new PaymentIntentEntity(request.idempotencyKey(), invoice.id(), invoice.customerId(),
                provider.id(), method, amount, NativeValues.clip(invoice.number(), 140), now());
        session.persist(intent);
        session.persist(new IntentTransitionEntity(intent.id, null, IntentStatus.CREATED, intent.createdAt, "api",
                "for invoice " + invoice.number()));
        return intent.id;
    }

    private static PaymentIntentEntity sameRequest(PaymentIntentEntity earlier, IntentRequest request) {
        boolean same = earlier.invoiceId.equals(request.invoiceId()) && earlier.provider.equals(request.provider())
                && (request.amount() == null || earlier.amount().equals(request.amount()))
                && (request.method() == null || earlier.method.equals(request.method()));
        if (!same) {
            throw new ConflictException("idempotency key " + request.idempotencyKey()
                    + " was already used for a different intent (" + earlier.id + ")");
        }
        return earlier;
    }

    private InstalledProvider usable(TenantId tenant, String providerId, String field) {
        InstalledProvider provider = providers.installed(providerId).orElseThrow(() -> new InvalidRequestException(
                FieldViolation.of(field, "payment provider " + providerId + " is not installed")));
        if (!providers.enabled(tenant, providerId)) {
            throw new InvalidRequestException(FieldViolation.of(field, "payment provider " + providerId
                    + " is not enabled for this tenant"));
        }
        return provider;
    }

    private static String method(InstalledProvider provider, String requested) {
        if (requested == null || requested.isBlank()) {
            return provider.methods().stream().sorted().findFirst().orElseThrow(() -> new InvalidRequestException(
                    FieldViolation.of("provider", provider.id() + " offers no payment method")));
        }
        if (!provider.methods().contains(requested)) {
            throw new InvalidRequestException(FieldViolation.of("method", "is not a method of " + provider.id() + "; it offers "
                    + provider.methods().stream().sorted().collect(Collectors.joining(", "))));
        }
        return requested;
    }

    private ProviderContext context(TenantId tenant, String providerId) {
        return providers.context(tenant, providerId, publicBaseUrl)
                .orElseThrow(() -> new InvalidRequestException(FieldViolation.of("provider", "payment provider "
                        + providerId + " is not enabled for this tenant")));
    }

    private IntentLookup lookup(TenantId tenant, String providerId) {
        return new IntentLookup() {
            @Override
            public Optional<PaymentIntent> byId(UUID intentId) {
                return find(tenant, intentId).filter(intent -> intent.provider().equals(providerId));
            }

            @Override
            public Optional<PaymentIntent> byProviderReference(String providerReference) {
                return database.inTransaction(tenant, session -> session.createSelectionQuery(
                                "from PaymentIntent p where p.provider = :provider and p.providerReference = :reference",
                                PaymentIntentEntity.class)
                        .setParameter("provider", providerId).setParameter("reference", providerReference)
                        .setMaxResults(1).uniqueResultOptional().map(intent -> toValue(session, intent)));
            }
        };
    }

    private static PaymentIntentEntity locked(Session session, UUID intentId) {
        PaymentIntentEntity intent = Database.locked(session, PaymentIntentEntity.class, intentId);
        if (intent == null) {
            throw new NotFoundException("payment intent", intentId);
        }
        return intent;
    }

    private static Optional<PaymentIntentEntity> byKey(Session session, String key) {
        return session.createSelectionQuery("from PaymentIntent p where p.idempotencyKey = :key", PaymentIntentEntity.class)
                .setParameter("key", key).uniqueResultOptional();
    }

    private static List<IntentRefundEntity> refunds(Session session, UUID intentId) {
        return session.createSelectionQuery("from IntentRefund r where r.intentId = :intent order by r.requestedAt",
                IntentRefundEntity.class).setParameter("intent", intentId).getResultList();
    }

    private static PaymentIntent toValue(Session session, PaymentIntentEntity intent) {
        List<IntentTransition> history = session.createSelectionQuery(
                        "from IntentTransition t where t.intentId = :intent order by t.at", IntentTransitionEntity.class)
                .setParameter("intent", intent.id).getResultStream().map(IntentTransitionEntity::toValue).toList();
        return intent.toValue(history, refunds(session, intent.id).stream().map(IntentRefundEntity::toValue).toList());
    }

    private static void validate(IntentRequest request) {
        new Violations().required("body", request).throwIfAny();
        new Violations().required("idempotencyKey", request.idempotencyKey())
                .maxLength("idempotencyKey", request.idempotencyKey(), 128)
                .required("invoiceId", request.invoiceId())
                .required("provider", request.provider())
                .throwIfAny();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
