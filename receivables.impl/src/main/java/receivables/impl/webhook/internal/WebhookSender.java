package receivables.impl.webhook.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.persistence.Tuple;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.TenantId;
import receivables.impl.background.internal.BackgroundThreads;
import receivables.impl.background.internal.Lease;
import receivables.impl.background.internal.Leases;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.NativeValues;
import receivables.impl.provider.internal.SealedSecrets;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Sends the webhook outbox: every {@code pollMillis}, each tenant with deliveries due is worked by the node that takes
 * its lease ({@code webhook-delivery}). An attempt is recorded only while the lease is still held; one that a node
 * made and could not record (it died, or hung and lost the lease) is made again by the next holder, so a receiver
 * gets each delivery at least once and may see one twice, under the same {@code webhook-id}. A 2xx answer delivers;
 * anything else waits {@link WebhookRules#waitAfter} and is tried again, until the attempts run out. Redirects are not
 * followed, and the addresses a host name resolves to are checked before each attempt.
 */
// Immediate: nothing asks for this service, and a delayed component would never start polling.
@Component(service = WebhookSender.class, configurationPid = WebhookConfiguration.PID, immediate = true)
public class WebhookSender {

    static final String WORK = "webhook-delivery";
    /** Deliveries sent per tenant and round before other tenants get their turn. */
    static final int BATCH = 50;
    static final int MAX_ERROR = 500;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final Database database;
    private final Leases leases;
    private final TenantDirectory tenants;
    private final SealedSecrets secrets;
    private final WebhookRules rules;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService poll;

    @Activate
    public WebhookSender(@Reference Database database, @Reference Leases leases, @Reference TenantDirectory tenants,
            @Reference SealedSecrets secrets, WebhookConfiguration config) {
        this(database, leases, tenants, secrets, WebhookRules.of(config), Clock.systemUTC(),
                Duration.ofMillis(Math.max(100, config.pollMillis())));
    }

    /** With {@code poll} null nothing runs by itself: tests call {@link #round()}. */
    WebhookSender(Database database, Leases leases, TenantDirectory tenants, SealedSecrets secrets, WebhookRules rules,
            Clock clock, Duration poll) {
        this.database = database;
        this.leases = leases;
        this.tenants = tenants;
        this.secrets = secrets;
        this.rules = rules;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(rules.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.poll = poll == null ? null : BackgroundThreads.every("receivables-webhooks", poll, this::round);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (poll != null) {
            BackgroundThreads.stop(poll);
        }
    }

    /** Sends what is due for every enabled tenant; one tenant's failure stops no other. */
    void round() {
        for (TenantId tenant : tenants.enabledTenants()) {
            try {
                if (anyDue(tenant)) {
                    leases.runLeased(tenant, WORK, lease -> sendDue(tenant, lease));
                }
            } catch (RuntimeException e) {
                LOG.warn("Webhook deliveries of tenant {} failed; trying again next round", tenant, e);
            }
        }
    }

    private boolean anyDue(TenantId tenant) {
        return !database.inTransaction(tenant, session -> session.createNativeQuery("select id from webhook_delivery"
                        + " where tenant_id = :tenant and status = 'PENDING' and next_attempt_at <= :now", String.class)
                .setParameter("tenant", tenant.value()).setParameter("now", now().atOffset(ZoneOffset.UTC))
                .setMaxResults(1).getResultList()).isEmpty();
    }

    private record Due(String id, String payload, int attempts, int roundStart, String url, String sealedSecret) {
    }

    private record Outcome(Integer statusCode, String error, long millis) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private void sendDue(TenantId tenant, Lease lease) {
        List<Due> due = database.inTransaction(tenant, session -> NativeRow.list(session.createNativeQuery(
                        "select d.id, d.payload, d.attempts, d.round_start, s.url, s.secret_sealed from webhook_delivery d"
                                + " join webhook_subscription s on s.tenant_id = d.tenant_id and s.id = d.subscription_id"
                                + " where d.tenant_id = :tenant and d.status = 'PENDING' and d.next_attempt_at <= :now"
                                + " order by d.next_attempt_at, d.id", Tuple.class)
                        .setParameter("tenant", tenant.value()).setParameter("now", now().atOffset(ZoneOffset.UTC))
                        .setMaxResults(BATCH)).stream()
                .map(row -> new Due(row.text("id"), row.text("payload"), row.integer("attempts"),
                        row.integer("round_start"), row.text("url"), row.text("secret_sealed")))
                .toList());
        for (Due delivery : due) {
            if (!lease.held() || Thread.currentThread().isInterrupted()) {
                return;
            }
            Instant attemptedAt = now();
            Outcome outcome = send(delivery, attemptedAt);
            record(tenant, lease, delivery, attemptedAt, outcome);
        }
    }

    private Outcome send(Due delivery, Instant attemptedAt) {
        long started = System.nanoTime();
        try {
            URI uri = URI.create(delivery.url());
            Optional<String> refused = WebhookAddress.refusedNow(uri, rules.allowPrivateNetworks());
            if (refused.isPresent()) {
                return new Outcome(null, refused.get(), 0);
            }
            long timestamp = attemptedAt.getEpochSecond();
            String signature = new WebhookSigner(secrets.open(delivery.sealedSecret()))
                    .signature(delivery.id(), timestamp, delivery.payload());
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(rules.timeout())
                    .header("content-type", "application/json")
                    .header("user-agent", "receivables-webhooks")
                    .header("webhook-id", delivery.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status, millisSince(started));
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted: the node stopped", millisSince(started));
        }
    }

    /** Records the attempt, unless the lease was lost meanwhile or someone replayed the delivery. */
    private void record(TenantId tenant, Lease lease, Due delivery, Instant attemptedAt, Outcome outcome) {
        database.inTransaction(tenant, (session, tx) -> {
            leases.confirm(session, lease);
            int number = delivery.attempts() + 1;
            boolean delivered = outcome.delivered();
            boolean exhausted = !delivered && number - delivery.roundStart() + 1 >= rules.maxAttempts();
            String status = delivered ? "DELIVERED" : exhausted ? "FAILED" : "PENDING";
            Instant next = delivered || exhausted ? null : now().plus(rules.waitAfter(number - delivery.roundStart() + 1));
            int updated = session.createNativeMutationQuery("update webhook_delivery set status = :status,"
                            + " attempts = :number, next_attempt_at = :next, delivered_at = :delivered, version = version + 1"
                            + " where tenant_id = :tenant and id = :id and attempts = :attempts and status = 'PENDING'")
                    .setParameter("status", status).setParameter("number", number)
                    .setParameter("next", next == null ? null : next.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                    .setParameter("delivered", delivered ? now().atOffset(ZoneOffset.UTC) : null, OffsetDateTime.class)
                    .setParameter("tenant", tenant.value()).setParameter("id", delivery.id())
                    .setParameter("attempts", delivery.attempts()).executeUpdate();
            if (updated == 1) {
                session.createNativeMutationQuery("insert into webhook_attempt (tenant_id, delivery_id, number,"
                                + " attempted_at, status_code, error, millis) values (:tenant, :id, :number, :at, :code,"
                                + " :error, :millis)")
                        .setParameter("tenant", tenant.value()).setParameter("id", delivery.id())
                        .setParameter("number", number).setParameter("at", attemptedAt.atOffset(ZoneOffset.UTC))
                        .setParameter("code", outcome.statusCode(), Integer.class)
                        .setParameter("error", outcome.error() == null ? null : NativeValues.clip(outcome.error(), MAX_ERROR),
                                String.class)
                        .setParameter("millis", outcome.millis()).executeUpdate();
            }
        });
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
