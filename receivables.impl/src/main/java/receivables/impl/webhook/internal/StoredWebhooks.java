package receivables.impl.webhook.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Tuple;
import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import receivables.api.ConflictException;
import receivables.api.EventTopics;
import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.webhook.NewWebhookSubscription;
import receivables.api.webhook.WebhookAttempt;
import receivables.api.webhook.WebhookDelivery;
import receivables.api.webhook.WebhookDeliveryStatus;
import receivables.api.webhook.WebhookRequest;
import receivables.api.webhook.WebhookSubscription;
import receivables.api.webhook.Webhooks;
import receivables.impl.event.internal.EventOutbox;
import receivables.impl.event.internal.OutboxEvent;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.provider.internal.SealedSecrets;
import receivables.impl.validation.internal.Violations;

/**
 * Webhook subscriptions and the outbox of their deliveries. Every business event is written to the outbox, once per
 * subscription that wants it, in the transaction that made the event ({@link EventOutbox}), so that a delivery exists
 * exactly when its event committed; {@link WebhookSender} sends them. Secrets are sealed with the host key at rest
 * and shown once.
 */
@Component(service = { Webhooks.class, EventOutbox.class, StoredWebhooks.class },
        configurationPid = WebhookConfiguration.PID)
@Designate(ocd = WebhookConfiguration.class)
public class StoredWebhooks implements Webhooks, EventOutbox {

    static final String ALL_TYPES = "*";
    static final int MAX_EVENT_TYPES = 32;
    static final int MAX_DESCRIPTION = 200;
    /** Subscriptions one tenant may hold, so that one event never fans out without bound. */
    static final int MAX_SUBSCRIPTIONS = 32;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Database database;
    private final SealedSecrets secrets;
    private final Clock clock;
    private final boolean allowPrivateNetworks;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper();

    @Activate
    public StoredWebhooks(@Reference Database database, @Reference SealedSecrets secrets, WebhookConfiguration config) {
        this(database, secrets, Clock.systemUTC(), config.allowPrivateNetworks());
    }

    StoredWebhooks(Database database, SealedSecrets secrets, Clock clock, boolean allowPrivateNetworks) {
        this.database = database;
        this.secrets = secrets;
        this.clock = clock;
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    @Override
    public NewWebhookSubscription subscribe(TenantId tenant, WebhookRequest request) {
        Violations violations = new Violations();
        if (request == null) {
            violations.add("body", "is required").throwIfAny();
        }
        WebhookAddress.problem(request.url(), allowPrivateNetworks).ifPresent(problem -> violations.add("url", problem));
        List<String> types = request.eventTypes();
        if (types == null || types.isEmpty()) {
            violations.add("eventTypes", "must name at least one topic, or *");
        } else if (types.size() > MAX_EVENT_TYPES) {
            violations.add("eventTypes", "must name at most " + MAX_EVENT_TYPES + " topics");
        } else {
            for (int i = 0; i < types.size(); i++) {
                String type = types.get(i);
                if (type == null || !type.equals(ALL_TYPES) && !EventTopics.ALL.contains(type)) {
                    violations.add("eventTypes[" + i + "]", "must be * or one of " + String.join(", ", EventTopics.ALL));
                } else if (types.indexOf(type) != i) {
                    violations.add("eventTypes[" + i + "]", "names " + type + " twice");
                }
            }
        }
        String description = request.description();
        if (description != null && (description.length() > MAX_DESCRIPTION || CONTROL.matcher(description).find())) {
            violations.add("description", "must be at most " + MAX_DESCRIPTION + " characters, without control characters");
        }
        violations.throwIfAny();
        String secret = WebhookSigner.newSecret(random);
        WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID(), request.url(), types,
                description == null || description.isBlank() ? null : description.strip(), now());
        database.inTransaction(tenant, (session, tx) -> {
            long held = session.createSelectionQuery("select count(s) from WebhookSubscription s where s.active",
                    Long.class).getSingleResult();
            if (held >= MAX_SUBSCRIPTIONS) {
                throw new ConflictException("the tenant holds " + MAX_SUBSCRIPTIONS + " webhook subscriptions already;"
                        + " delete one first");
            }
            session.persist(new WebhookSubscriptionEntity(subscription, secrets.seal(secret)));
        });
        return new NewWebhookSubscription(subscription, secret);
    }

    @Override
    public List<WebhookSubscription> subscriptions(TenantId tenant) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery("from WebhookSubscription s"
                        + " where s.active order by s.createdAt, s.id", WebhookSubscriptionEntity.class).getResultList()
                .stream().map(WebhookSubscriptionEntity::toValue).toList());
    }

    @Override
    public void unsubscribe(TenantId tenant, UUID subscription) {
        database.inTransaction(tenant, (session, tx) -> {
            WebhookSubscriptionEntity ended = Database.locked(session, WebhookSubscriptionEntity.class, subscription);
            if (ended == null || !ended.active) {
                throw new NotFoundException("webhook subscription", subscription);
            }
            ended.active = false;
            session.createNativeMutationQuery("update webhook_delivery set status = 'FAILED', next_attempt_at = null"
                            + " where tenant_id = :tenant and subscription_id = :id and status = 'PENDING'")
                    .setParameter("tenant", tenant.value()).setParameter("id", subscription).executeUpdate();
        });
    }

    @Override
    public Page<WebhookDelivery> deliveries(TenantId tenant, UUID subscription, PageRequest page) {
        return database.inTransaction(tenant, session -> {
            requireSubscription(session, subscription);
            long total = session.createNativeQuery("select count(*) from webhook_delivery where tenant_id = :tenant"
                            + " and subscription_id = :id", Long.class).setParameter("tenant", tenant.value())
                    .setParameter("id", subscription).getSingleResult();
            List<NativeRow> rows = NativeRow.list(session.createNativeQuery(DELIVERY_COLUMNS
                            + " where tenant_id = :tenant and subscription_id = :id order by created_at desc, id",
                    Tuple.class).setParameter("tenant", tenant.value()).setParameter("id", subscription)
                    .setFirstResult(page.offset()).setMaxResults(page.size()));
            return new Page<>(rows.stream().map(row -> delivery(session, tenant, row)).toList(), page.page(), page.size(),
                    total);
        });
    }

    @Override
    public WebhookDelivery delivery(TenantId tenant, String delivery) {
        return database.inTransaction(tenant, session -> delivery(session, tenant, requireDelivery(session, tenant, delivery)));
    }

    @Override
    public WebhookDelivery replay(TenantId tenant, String delivery) {
        return database.inTransaction(tenant, session -> {
            NativeRow row = requireDelivery(session, tenant, delivery);
            if (!session.find(WebhookSubscriptionEntity.class, row.uuid("subscription_id")).active) {
                throw new ConflictException("delivery " + delivery + " belongs to a deleted subscription");
            }
            session.createNativeMutationQuery("update webhook_delivery set status = 'PENDING', next_attempt_at = :now,"
                            + " round_start = attempts + 1, version = version + 1 where tenant_id = :tenant and id = :id")
                    .setParameter("now", now().atOffset(ZoneOffset.UTC)).setParameter("tenant", tenant.value())
                    .setParameter("id", delivery).executeUpdate();
            return delivery(session, tenant, requireDelivery(session, tenant, delivery));
        });
    }

    /**
     * One delivery per active subscription that wants the event, due at once, in the events' transaction: one read of
     * the subscriptions per tenant among {@code events}, however many events a transaction makes.
     */
    @Override
    public void enqueue(Session session, List<OutboxEvent> events) {
        Map<String, List<NativeRow>> subscriptions = new HashMap<>();
        Instant at = now();
        for (OutboxEvent event : events) {
            if (!(event.properties().get(EventTopics.TENANT) instanceof String tenant)) {
                continue;
            }
            List<NativeRow> active = subscriptions.computeIfAbsent(tenant, unused -> NativeRow.list(session
                    .createNativeQuery("select id, event_types from webhook_subscription where tenant_id = :tenant"
                            + " and active", Tuple.class)
                    .setParameter("tenant", tenant)));
            for (NativeRow subscription : active) {
                if (Arrays.stream(subscription.text("event_types").split(","))
                        .noneMatch(type -> type.equals(ALL_TYPES) || type.equals(event.topic()))) {
                    continue;
                }
                String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
                session.createNativeMutationQuery("insert into webhook_delivery (tenant_id, id, subscription_id,"
                                + " event_type, payload, status, attempts, round_start, created_at, next_attempt_at,"
                                + " version) values (:tenant, :id, :subscription, :type, :payload, 'PENDING', 0, 1, :at,"
                                + " :at, 0)")
                        .setParameter("tenant", tenant).setParameter("id", id)
                        .setParameter("subscription", subscription.uuid("id")).setParameter("type", event.topic())
                        .setParameter("payload", payload(event.topic(), at, event.properties()))
                        .setParameter("at", at.atOffset(ZoneOffset.UTC))
                        .executeUpdate();
            }
        }
    }

    /**
     * The body as Standard Webhooks suggests it: {@code type}, {@code timestamp} and the event's properties as
     * {@code data}, without the tenant (the subscription is the tenant's).
     */
    String payload(String topic, Instant at, Map<String, Object> properties) {
        Map<String, Object> data = new LinkedHashMap<>();
        properties.entrySet().stream().filter(entry -> !entry.getKey().equals(EventTopics.TENANT))
                .filter(entry -> entry.getValue() instanceof String || entry.getValue() instanceof Number
                        || entry.getValue() instanceof Boolean)
                .sorted(Map.Entry.comparingByKey()).forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", topic);
        body.put("timestamp", at.toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain event properties did not become JSON", e);
        }
    }

    private static final String DELIVERY_COLUMNS = "select id, subscription_id, event_type, payload, status, attempts,"
            + " created_at, next_attempt_at, delivered_at from webhook_delivery";

    private static NativeRow requireDelivery(Session session, TenantId tenant, String delivery) {
        if (delivery == null || delivery.length() > 40) {
            throw new NotFoundException("webhook delivery", delivery);
        }
        List<NativeRow> rows = NativeRow.list(session.createNativeQuery(DELIVERY_COLUMNS
                        + " where tenant_id = :tenant and id = :id", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("id", delivery));
        if (rows.isEmpty()) {
            throw new NotFoundException("webhook delivery", delivery);
        }
        return rows.get(0);
    }

    private static void requireSubscription(Session session, UUID subscription) {
        if (session.find(WebhookSubscriptionEntity.class, subscription) == null) {
            throw new NotFoundException("webhook subscription", subscription);
        }
    }

    private static WebhookDelivery delivery(Session session, TenantId tenant, NativeRow row) {
        List<WebhookAttempt> attempts = new ArrayList<>();
        for (NativeRow attempt : NativeRow.list(session.createNativeQuery("select number, attempted_at, status_code,"
                        + " error, millis from webhook_attempt where tenant_id = :tenant and delivery_id = :id order by number",
                Tuple.class).setParameter("tenant", tenant.value()).setParameter("id", row.text("id")))) {
            attempts.add(new WebhookAttempt(attempt.integer("number"), attempt.instant("attempted_at"),
                    attempt.isNull("status_code") ? null : attempt.integer("status_code"), attempt.isNull("error") ? null
                    : attempt.text("error"), attempt.number("millis")));
        }
        return new WebhookDelivery(row.text("id"), row.uuid("subscription_id"), row.text("event_type"),
                WebhookDeliveryStatus.valueOf(row.text("status")), row.instant("created_at"),
                row.isNull("next_attempt_at") ? null : row.instant("next_attempt_at"),
                row.isNull("delivered_at") ? null : row.instant("delivered_at"), row.text("payload"), attempts);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
