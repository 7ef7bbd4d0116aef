package receivables.impl.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import receivables.api.ConflictException;
import receivables.api.EventTopics;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.PaymentRequest;
import receivables.api.webhook.NewWebhookSubscription;
import receivables.api.webhook.WebhookAttempt;
import receivables.api.webhook.WebhookDelivery;
import receivables.api.webhook.WebhookDeliveryStatus;
import receivables.api.webhook.WebhookRequest;
import receivables.impl.approval.internal.FourEyesFixture;
import receivables.impl.background.internal.Leases;
import receivables.impl.background.internal.TestLeases;
import receivables.impl.event.internal.RecordedEvents;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.provider.internal.SealedSecrets;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TestTenants;
import receivables.testkit.StandardWebhooks;

/**
 * Webhooks on every database we support, against a real HTTP receiver that checks each signature with a verifier
 * written from the Standard Webhooks specification: events delivered by type, retried with backoff, failed and
 * replayed, taken over from a node that died mid-delivery, hostile subscriptions refused by field, internal
 * addresses never posted to, secrets sealed at rest.
 */
abstract class WebhooksContract {

    static final TenantId TENANT = new TenantId("hooks");
    static final TenantId OTHER = new TenantId("hooks-other");
    static final Duration DEADLINE = Duration.ofSeconds(30);

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase();

    private final List<Leases> nodes = new ArrayList<>();
    private final SealedSecrets secrets = new SealedSecrets(key());
    private final ObjectMapper json = new ObjectMapper();
    private TenantDirectory tenants;
    private StoredWebhooks webhooks;
    private LedgerFixture ledger;
    private TestReceiver receiver;

    protected abstract TestDatabase testDatabase();

    @BeforeEach
    void wire() throws Exception {
        tenants = TestTenants.warningOnly("UTC", TENANT, OTHER);
        webhooks = new StoredWebhooks(testDatabase.get(), secrets, Clock.systemUTC(), true);
        RecordedEvents recorded = new RecordedEvents().withOutbox(webhooks);
        ledger = LedgerFixture.on(testDatabase.get(), tenants, FourEyesFixture.off(testDatabase.get()), recorded.events());
        receiver = new TestReceiver();
    }

    @AfterEach
    void stop() throws InterruptedException {
        receiver.close();
        for (Leases leases : nodes) {
            leases.deactivate();
        }
    }

    @Test
    void deliversSignedEventsOfTheTypesSubscribedTo() throws Exception {
        NewWebhookSubscription invoicesOnly = subscribe(receiver.url() + "?to=invoices", EventTopics.INVOICE_ISSUED);
        NewWebhookSubscription everything = subscribe(receiver.url() + "?to=all", "*");
        assertThat(invoicesOnly.secret()).startsWith("whsec_").isNotEqualTo(everything.secret());
        UUID customer = customer(TENANT);
        Invoice invoice = issue(TENANT, "W-1", customer);
        ledger.payments().record(TENANT, new PaymentRequest("pay-1", customer, "BANK_TRANSFER", Money.of("50.00", "EUR"),
                LocalDate.of(2026, 3, 10), null, List.of()));
        issue(OTHER, "W-X", customer(OTHER));

        WebhookSender sender = sender("node-a", new WebhookRules(Duration.ofMillis(100), 3, Duration.ofSeconds(5), true));
        until(() -> receiver.received().size() >= 3, sender);

        assertThat(receiver.received()).hasSize(3);
        for (TestReceiver.Received request : receiver.received()) {
            String secret = request.uri().endsWith("invoices") ? invoicesOnly.secret() : everything.secret();
            assertThat(StandardWebhooks.verify(secret, request.header("webhook-id"),
                    request.header("webhook-timestamp"), request.header("webhook-signature"), request.body(),
                    Instant.now())).as("signature of %s", request.body()).isTrue();
            assertThat(StandardWebhooks.verify(secret, request.header("webhook-id"),
                    request.header("webhook-timestamp"), request.header("webhook-signature"), request.body() + " ",
                    Instant.now())).as("a changed body fails").isFalse();
            assertThat(StandardWebhooks.verify(invoicesOnly.secret().equals(secret) ? everything.secret()
                            : invoicesOnly.secret(), request.header("webhook-id"), request.header("webhook-timestamp"),
                    request.header("webhook-signature"), request.body(), Instant.now())).as("another secret fails").isFalse();
            assertThat(request.header("content-type")).isEqualTo("application/json");
            assertThat(request.body()).doesNotContain(TENANT.value());
        }
        JsonNode toInvoices = json.readTree(receiver.received().stream().filter(r -> r.uri().endsWith("invoices"))
                .findFirst().orElseThrow().body());
        assertThat(toInvoices.get("type").asText()).isEqualTo(EventTopics.INVOICE_ISSUED);
        assertThat(toInvoices.get("data").get("invoiceNumber").asText()).isEqualTo(invoice.number());
        assertThat(toInvoices.get("data").get("amount").asText()).isEqualTo("119.00");
        assertThat(receiver.received().stream().filter(r -> r.uri().endsWith("all"))
                .map(r -> readType(r.body()))).containsExactlyInAnyOrder(EventTopics.INVOICE_ISSUED,
                EventTopics.PAYMENT_RECEIVED);

        List<WebhookDelivery> log = webhooks.deliveries(TENANT, invoicesOnly.subscription().id(), PageRequest.first()).items();
        assertThat(log).singleElement().satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo(WebhookDeliveryStatus.DELIVERED);
            assertThat(delivery.nextAttemptAt()).isNull();
            assertThat(delivery.deliveredAt()).isNotNull();
            assertThat(delivery.attempts()).extracting(WebhookAttempt::statusCode).containsExactly(200);
            assertThat(delivery.id()).isEqualTo(receiver.received().stream().filter(r -> r.uri().endsWith("invoices"))
                    .findFirst().orElseThrow().header("webhook-id"));
        });
        assertThatThrownBy(() -> webhooks.delivery(OTHER, log.get(0).id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> webhooks.deliveries(OTHER, invoicesOnly.subscription().id(), PageRequest.first()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void retriesWithGrowingWaitsUntilTheReceiverAnswers() {
        receiver.answering(500, 503);
        NewWebhookSubscription subscription = subscribe(receiver.url(), EventTopics.INVOICE_ISSUED);
        issue(TENANT, "R-1", customer(TENANT));

        WebhookSender sender = sender("node-a", new WebhookRules(Duration.ofMillis(200), 5, Duration.ofSeconds(5), true));
        until(() -> only(subscription).status() == WebhookDeliveryStatus.DELIVERED, sender);

        WebhookDelivery delivery = only(subscription);
        assertThat(delivery.attempts()).extracting(WebhookAttempt::statusCode).containsExactly(500, 503, 200);
        assertThat(delivery.attempts()).extracting(WebhookAttempt::error).containsExactly("HTTP 500", "HTTP 503", null);
        assertThat(delivery.attempts()).extracting(WebhookAttempt::number).containsExactly(1, 2, 3);
        List<WebhookAttempt> attempts = delivery.attempts();
        assertThat(Duration.between(attempts.get(0).attemptedAt(), attempts.get(1).attemptedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.between(attempts.get(1).attemptedAt(), attempts.get(2).attemptedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly(delivery.id()).hasSize(3);
    }

    @Test
    void aDeliveryThatRanOutOfAttemptsFailsAndIsReplayedUnderItsOwnId() {
        receiver.answering(500, 500);
        NewWebhookSubscription subscription = subscribe(receiver.url(), EventTopics.INVOICE_ISSUED);
        issue(TENANT, "F-1", customer(TENANT));
        WebhookSender sender = sender("node-a", new WebhookRules(Duration.ofMillis(50), 2, Duration.ofSeconds(5), true));
        until(() -> only(subscription).status() == WebhookDeliveryStatus.FAILED, sender);
        assertThat(only(subscription).nextAttemptAt()).isNull();
        assertThat(only(subscription).attempts()).hasSize(2);

        WebhookDelivery replayed = webhooks.replay(TENANT, only(subscription).id());
        assertThat(replayed.status()).isEqualTo(WebhookDeliveryStatus.PENDING);
        until(() -> only(subscription).status() == WebhookDeliveryStatus.DELIVERED, sender);

        assertThat(only(subscription).attempts()).extracting(WebhookAttempt::statusCode).containsExactly(500, 500, 200);
        assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly(replayed.id()).hasSize(3);
        assertThatThrownBy(() -> webhooks.replay(TENANT, "msg_nothing")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> webhooks.replay(OTHER, replayed.id())).isInstanceOf(NotFoundException.class);
        int before = receiver.received().size();
        webhooks.replay(TENANT, replayed.id());
        until(() -> receiver.received().size() > before, sender);
        until(() -> only(subscription).status() == WebhookDeliveryStatus.DELIVERED, sender);
        assertThat(only(subscription).attempts()).hasSize(4);
    }

    /**
     * Node A hangs in the middle of a delivery (its lease is never renewed, as for a node that died); node B takes the
     * lease over once it runs out and delivers; A's late answer is not recorded. The receiver sees the delivery twice,
     * under one id: at least once, never lost.
     */
    @Test
    void aDeliveryCutOffByANodeThatDiedIsSentAgainByTheNext() throws Exception {
        NewWebhookSubscription subscription = subscribe(receiver.url(), EventTopics.INVOICE_ISSUED);
        issue(TENANT, "D-1", customer(TENANT));
        WebhookRules rules = new WebhookRules(Duration.ofMillis(50), 5, Duration.ofSeconds(20), true);
        Leases hung = new Leases(testDatabase.get(), "node-a", TestLeases.LENGTH, TestLeases.HEARTBEAT);
        WebhookSender a = new WebhookSender(testDatabase.get(), hung, tenants, secrets, rules, Clock.systemUTC(), null);
        WebhookSender b = sender("node-b", rules);
        receiver.holdNext();
        ExecutorService nodeA = Executors.newSingleThreadExecutor();
        try {
            Future<?> aRound = nodeA.submit(a::round);
            until(() -> receiver.received().size() == 1, () -> { });

            until(() -> only(subscription).status() == WebhookDeliveryStatus.DELIVERED, b);
            receiver.release();
            aRound.get(30, TimeUnit.SECONDS);
        } finally {
            nodeA.shutdownNow();
        }

        WebhookDelivery delivery = only(subscription);
        assertThat(delivery.attempts()).singleElement().satisfies(attempt -> assertThat(attempt.statusCode()).isEqualTo(200));
        assertThat(receiver.received()).hasSize(2).extracting(r -> r.header("webhook-id")).containsOnly(delivery.id());
    }

    @Test
    void hostileSubscriptionsAreRefusedNamingTheFieldAndNothingIsStored() {
        StoredWebhooks strict = new StoredWebhooks(testDatabase.get(), secrets, Clock.systemUTC(), false);
        List<String> hostileUrls = new ArrayList<>(List.of("", " ", "ftp://example.com/hook", "file:///etc/passwd",
                "javascript:alert(1)", "gopher://example.com:70/", "http://user:secret@example.com/hook",
                "https://example.com/hook#fragment", "http://127.0.0.1/hook", "http://[::1]/hook",
                "http://169.254.169.254/latest/meta-data", "http://10.1.2.3/", "http://192.168.0.1/", "http://0.0.0.0/",
                "http://100.64.0.1/", "http://[fd00::1]/", "http://exa mple.com/", "https://example.com/\r\nX-Evil: 1",
                "https:///nohost", "//example.com/hook", "https://" + "a".repeat(2000) + ".com/"));
        for (String url : hostileUrls) {
            assertRefused(() -> strict.subscribe(TENANT, new WebhookRequest(url, List.of("*"), null)), "url");
        }
        assertRefused(() -> strict.subscribe(TENANT, new WebhookRequest(null, List.of("*"), null)), "url");
        assertRefused(() -> strict.subscribe(TENANT, new WebhookRequest("https://example.com/", null, null)),
                "eventTypes");
        assertRefused(() -> strict.subscribe(TENANT, new WebhookRequest("https://example.com/", List.of(), null)),
                "eventTypes");
        assertRefused(() -> strict.subscribe(TENANT, new WebhookRequest("https://example.com/",
                List.of("receivables/*"), null)), "eventTypes[0]");
        assertRefused(() -> strict.subscribe(TENANT, new WebhookRequest("https://example.com/",
                Collections.singletonList(null), null)), "eventTypes[0]");
        assertRefused(() -> strict.subscribe(TENANT, new WebhookRequest("https://example.com/",
                List.of(EventTopics.PAYMENT_LARGE, EventTopics.PAYMENT_LARGE), null)), "eventTypes[1]");
        assertRefused(() -> strict.subscribe(TENANT, new WebhookRequest("https://example.com/", List.of("*"),
                "x".repeat(201))), "description");
        assertRefused(() -> strict.subscribe(TENANT, new WebhookRequest("https://example.com/", List.of("*"),
                "bell\u0007")), "description");
        assertRefused(() -> strict.subscribe(TENANT, null), "body");
        assertThat(strict.subscriptions(TENANT)).isEmpty();

        assertThat(strict.subscribe(TENANT, new WebhookRequest("https://hooks.example.com/receivables?x=1",
                List.of(EventTopics.INSTALLMENT_OVERDUE), " Ops ")).subscription().description()).isEqualTo("Ops");
        assertThat(strict.subscriptions(TENANT)).hasSize(1);
    }

    @Test
    void aNameThatResolvesToAnInternalAddressIsNeverPostedTo() {
        StoredWebhooks strict = new StoredWebhooks(testDatabase.get(), secrets, Clock.systemUTC(), false);
        NewWebhookSubscription subscription = strict.subscribe(TENANT, new WebhookRequest(
                "http://localhost:" + receiver.port() + "/hook", List.of("*"), null));
        issue(TENANT, "S-1", customer(TENANT));
        WebhookSender sender = sender("node-a", new WebhookRules(Duration.ofMillis(50), 2, Duration.ofSeconds(5), false));
        until(() -> only(subscription).status() == WebhookDeliveryStatus.FAILED, sender);

        assertThat(only(subscription).attempts()).allSatisfy(attempt -> {
            assertThat(attempt.statusCode()).isNull();
            assertThat(attempt.error()).contains("internal address");
        });
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void anEndedSubscriptionGetsNothingMoreAndItsSecretWasSealedAtRest() {
        NewWebhookSubscription subscription = subscribe("http://127.0.0.1:9/unreachable", "*");
        String stored = testDatabase.get().inTransaction(TENANT, session -> session.createNativeQuery(
                "select secret_sealed from webhook_subscription where tenant_id = :tenant", String.class)
                .setParameter("tenant", TENANT.value()).getSingleResult());
        assertThat(stored).startsWith("{sealed}").doesNotContain(subscription.secret().substring("whsec_".length()));
        assertThat(secrets.open(stored)).isEqualTo(subscription.secret());
        assertThat(webhooks.subscriptions(TENANT)).singleElement().satisfies(listed -> {
            assertThat(listed.url()).isEqualTo("http://127.0.0.1:9/unreachable");
            assertThat(listed.toString()).doesNotContain(subscription.secret());
        });
        UUID customer = customer(TENANT);
        issue(TENANT, "U-1", customer);
        assertThat(only(subscription).status()).isEqualTo(WebhookDeliveryStatus.PENDING);

        webhooks.unsubscribe(TENANT, subscription.subscription().id());
        issue(TENANT, "U-2", customer);

        assertThat(webhooks.subscriptions(TENANT)).isEmpty();
        assertThat(only(subscription).status()).isEqualTo(WebhookDeliveryStatus.FAILED);
        assertThatThrownBy(() -> webhooks.replay(TENANT, only(subscription).id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> webhooks.unsubscribe(TENANT, subscription.subscription().id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> webhooks.unsubscribe(OTHER, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    private NewWebhookSubscription subscribe(String url, String... types) {
        return webhooks.subscribe(TENANT, new WebhookRequest(url, List.of(types), null));
    }

    private WebhookDelivery only(NewWebhookSubscription subscription) {
        List<WebhookDelivery> deliveries = webhooks.deliveries(TENANT, subscription.subscription().id(),
                PageRequest.first()).items();
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }

    private WebhookSender sender(String node, WebhookRules rules) {
        Leases leases = TestLeases.running(testDatabase.get(), node);
        nodes.add(leases);
        return new WebhookSender(testDatabase.get(), leases, tenants, secrets, rules, Clock.systemUTC(), null);
    }

    /** Runs rounds of {@code sender} until {@code done}, or fails after {@link #DEADLINE}. */
    private static void until(BooleanSupplier done, WebhookSender sender) {
        until(done, sender::round);
    }

    private static void until(BooleanSupplier done, Runnable step) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within " + DEADLINE);
            }
            step.run();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String readType(String body) {
        try {
            return json.readTree(body).get("type").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private UUID customer(TenantId tenant) {
        return ledger.customers().create(tenant, CustomerRequest.of(null, "Hooked", null, null, "EUR")).id();
    }

    private Invoice issue(TenantId tenant, String orderId, UUID customer) {
        Invoice draft = ledger.invoices().createFromOrder(tenant, new SalesOrder(orderId, customer, "EUR",
                LocalDate.of(2026, 3, 2), "NET14", List.of(new OrderLine("ITEM", null, BigDecimal.ONE,
                        new BigDecimal("100.00"), null, new BigDecimal("19")))));
        return ledger.invoices().issue(tenant, draft.id(), LocalDate.of(2026, 3, 2));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).as("refuses %s", field).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(field));
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
