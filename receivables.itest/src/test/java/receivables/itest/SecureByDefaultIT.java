package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a hostile client meets in the running host: endpoints of a feature refused to tenants without it,
 * bodies larger than the limits refused with 413, 429 with Retry-After for an address that keeps failing to
 * authenticate and for a flood of notifications to one tenant and provider, and a health check that tells
 * strangers only UP or DOWN.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecureByDefaultIT extends InReferenceHost {

    private static final String PLAIN_KEY = "plain-key-0123456789abcdef";

    private org.osgi.service.cm.Configuration plain;

    public SecureByDefaultIT() {
        super("secure-by-default");
    }

    @Before
    public void aTenantWithoutFeatures() throws Exception {
        plain = configurationAdmin.getFactoryConfiguration("receivables.tenant", "plain", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("id", "plain");
        properties.put("apiKeys", new String[] { PLAIN_KEY });
        plain.update(properties);
        http.await("/api/v1/health", reply -> http.get("/api/v1/customers", "plain", PLAIN_KEY).status() == 200,
                Duration.ofSeconds(10));
    }

    @After
    public void removeTheTenantAndTheLimits() throws Exception {
        plain.delete();
        org.osgi.service.cm.Configuration limits = configurationAdmin.getConfiguration("receivables.limits", "?");
        if (limits.getProperties() != null) {
            limits.delete();
            // The default limits start afresh: the next test must not meet this one's throttled address.
            http.await("/api/v1/health", reply -> http.get("/api/v1/customers").status() != 429, Duration.ofSeconds(30));
        }
    }

    @Test
    public void aFeaturesEndpointsAreForbiddenToTenantsWithoutIt() {
        for (String path : new String[] { "/api/v1/suspense-items", "/api/v1/suspense-items/" + UUID.randomUUID(),
                "/api/v1/bank-statements/" + UUID.randomUUID() }) {
            Http.Reply refused = http.get(path, "plain", PLAIN_KEY);
            assertProblem(refused, 403);
            assertTrue(refused.body(), refused.json().get("detail").asText().contains("bank-reconciliation"));
        }
        assertProblem(http.send(http.request("/api/v1/bank-statements", "plain", PLAIN_KEY)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(":20:X"))), 403);
        assertEquals(200, http.get("/api/v1/suspense-items").status());
        assertProblem(http.get("/api/v1/suspense-items", "plain", "not-the-key-0123456789"), 401);
    }

    @Test
    public void bodiesOverTheLimitsAre413() throws Exception {
        limits(Map.of("maxBodyBytes", 2_000L, "maxUploadBytes", 20_000L));
        String large = "{\"name\":\"" + "x".repeat(3_000) + "\",\"currency\":\"EUR\"}";
        long before = http.get("/api/v1/customers?size=1").json().get("totalItems").asLong();

        assertProblem(http.post("/api/v1/customers", large), 413);
        // Without Content-Length (chunked), the body is cut off once it passes the limit.
        assertProblem(http.send(http.request("/api/v1/customers", Http.DEFAULT_TENANT, Http.DEFAULT_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8))))), 413);
        assertEquals(201, http.post("/api/v1/customers", "{\"name\":\"Small enough\",\"currency\":\"EUR\"}").status());
        assertEquals(before + 1, http.get("/api/v1/customers?size=1").json().get("totalItems").asLong());

        // An upload may be larger than a JSON body, up to its own limit. The import refuses these files after their
        // first bytes, in no format it knows; the body over the limit is a 413 all the same, and the connection closes.
        Http.Reply declared = http.postBody("/api/v1/bank-statements", new byte[30_000], "application/octet-stream");
        assertProblem(declared, 413);
        assertEquals("close", declared.headers().firstValue("Connection").orElse(""));
        Http.Reply chunked = http.send(http.request("/api/v1/bank-statements", Http.DEFAULT_TENANT, Http.DEFAULT_KEY)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[30_000]))));
        assertProblem(chunked, 413);
        assertEquals("close", chunked.headers().firstValue("Connection").orElse(""));
        Http.Reply accepted = http.postBody("/api/v1/bank-statements",
                (":20:X\n" + " ".repeat(5_000)).getBytes(StandardCharsets.US_ASCII), "text/plain");
        assertFalse(accepted.body(), accepted.status() == 413);
    }

    @Test
    public void anAddressThatKeepsFailingToAuthenticateIsThrottled() throws Exception {
        limits(Map.of("failedAuthenticationsPerMinute", 5));
        int refused = 0;
        Http.Reply last = null;
        for (int i = 0; i < 40; i++) {
            last = http.get("/api/v1/customers", Http.DEFAULT_TENANT, "guessed-key-" + i + "-0123456789");
            if (last.status() == 429) {
                refused++;
            } else {
                assertProblem(last, 401);
            }
        }
        assertTrue("refused " + refused + " of 40", refused >= 34);
        assertProblem(last, 429);
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue("Retry-After " + retryAfter, retryAfter >= 1 && retryAfter <= 60);
        // Even the right key is refused from that address until the allowance refills: guessing stays slow.
        assertProblem(http.get("/api/v1/customers"), 429);
    }

    @Test
    public void aFloodOfNotificationsForOneTenantAndProviderIsThrottled() throws Exception {
        limits(Map.of("notificationsPerSecond", 1, "notificationBurst", 5));
        int throttled = 0;
        Http.Reply last = null;
        for (int i = 0; i < 30; i++) {
            last = http.postAnonymous("/api/v1/payments/notifications/wallet?tenant=default", "forged=" + i,
                    "application/x-www-form-urlencoded", "X-Forged", "yes");
            if (last.status() == 429) {
                throttled++;
            } else {
                assertTrue(last.body(), last.status() == 400 || last.status() == 404);
            }
        }
        assertTrue("throttled " + throttled + " of 30", throttled >= 20);
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        // Another tenant's notifications have their own allowance.
        Http.Reply other = http.postAnonymous("/api/v1/payments/notifications/wallet?tenant=plain", "forged=x",
                "application/x-www-form-urlencoded", "X-Forged", "yes");
        assertFalse(other.body(), other.status() == 429);
    }

    @Test
    public void healthSaysOnlyUpOrDownWithoutAKeyAndABrokenProviderAccountIsTheTenantsProblemOnly() throws Exception {
        Http.Reply anonymous = http.get("/api/v1/health", null, null);
        assertEquals(200, anonymous.status());
        assertEquals("{\"status\":\"UP\"}", anonymous.body());
        assertEquals("{\"status\":\"UP\"}", http.get("/api/v1/health", Http.DEFAULT_TENANT, "wrong-key-0123456789").body());
        JsonNode details = http.get("/api/v1/health").json();
        assertTrue(details.toString(), details.at("/database/url").asText().startsWith("jdbc:h2:"));
        assertTrue(details.toString(), details.get("bundles").size() >= 5);

        // A wallet account whose secret was sealed with another installation's key cannot be opened.
        org.osgi.service.cm.Configuration broken = configurationAdmin.getFactoryConfiguration("receivables.provider.account",
                "plain-wallet", "?");
        Dictionary<String, Object> account = new Hashtable<>();
        account.put("tenant", "plain");
        account.put("provider", "wallet");
        account.put("settings", new String[] { "appId=2021000000000000" });
        account.put("secrets", new String[] { "merchantPrivateKey={sealed}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
        broken.update(account);
        try {
            Http.Reply own = awaitHealth("plain", PLAIN_KEY, reply -> reply.body().contains("plain/wallet"));
            assertEquals(own.body(), 200, own.status());
            JsonNode report = own.json();
            assertEquals("UP", report.get("status").asText());
            assertTrue(report.toString(), report.get("problems").toString().contains("provider account plain/wallet is disabled"));
            assertFalse("no stack trace: " + own.body(), own.body().contains("Exception") || own.body().contains("\tat "));
            assertFalse(http.get("/api/v1/health").body().contains("plain/wallet"));
            assertEquals("{\"status\":\"UP\"}", http.get("/api/v1/health", null, null).body());
            assertFalse(http.get("/api/v1/payment-providers", "plain", PLAIN_KEY).body().contains("wallet"));
        } finally {
            broken.delete();
        }
    }

    @Test
    public void theDataDirectoryAndTheFrameworkStorageWithConfigAdminsStoreAreOwnerOnly() throws Exception {
        for (String property : new String[] { "receivables.data.dir", "org.osgi.framework.storage" }) {
            Path directory = Path.of(context.getProperty(property));
            assertEquals(property, "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        }
        try (Stream<Path> stored = Files.walk(Path.of(context.getProperty("org.osgi.framework.storage")))) {
            // ConfigAdmin names the file of receivables.tenant~default receivables/tenant%007edefault.config.
            Path tenant = stored.filter(file -> file.getFileName().toString().equals("tenant%007edefault.config"))
                    .findFirst().orElseThrow();
            assertEquals(tenant.toString(), "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tenant)));
            assertFalse("ConfigAdmin's store holds the key's hash, not the key",
                    Files.readString(tenant).contains(Http.DEFAULT_KEY));
        }
    }

    private Http.Reply awaitHealth(String tenant, String key, Predicate<Http.Reply> until) {
        java.time.Instant deadline = Instant.now().plusSeconds(10);
        Http.Reply last = http.get("/api/v1/health", tenant, key);
        while (!until.test(last) && Instant.now().isBefore(deadline)) {
            Http.sleep(200);
            last = http.get("/api/v1/health", tenant, key);
        }
        assertTrue("gave up waiting: " + last.body(), until.test(last));
        return last;
    }

    private void limits(Map<String, Object> values) throws Exception {
        org.osgi.service.cm.Configuration limits = configurationAdmin.getConfiguration("receivables.limits", "?");
        limits.update(new Hashtable<>(values));
        // The new limits replace the old allowances once the configuration reached the component.
        Http.sleep(1_000);
    }

    static void assertProblem(Http.Reply reply, int status) {
        assertEquals(reply.body(), status, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        JsonNode problem = reply.json();
        assertEquals(status, problem.get("status").asInt());
        assertTrue("no stack trace: " + reply.body(), !reply.body().contains("Exception") && !reply.body().contains("\tat "));
    }
}
