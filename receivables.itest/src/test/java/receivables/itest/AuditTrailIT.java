package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit trail in the running host: who changed a customer, from where, in which request, and what; the
 * request id echoed; the trail queried, exported as CSV and verified over HTTP and by the Gogo command; a
 * customer's personal data exported and erased.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuditTrailIT extends InReferenceHost {

    public AuditTrailIT() {
        super("audit-trail");
    }

    @Test
    public void everyResponseCarriesARequestIdTheClientsWhenItIsAPlainToken() {
        Http.Reply offered = http.send(http.request("/api/v1/customers", Http.DEFAULT_TENANT, Http.DEFAULT_KEY)
                .header("X-Request-Id", "client-chosen-42").GET());
        assertEquals("client-chosen-42", offered.headers().firstValue("X-Request-Id").orElseThrow());

        Http.Reply hostile = http.send(http.request("/api/v1/customers", Http.DEFAULT_TENANT, Http.DEFAULT_KEY)
                .header("X-Request-Id", "<script>alert(1)</script>").GET());
        String replaced = hostile.headers().firstValue("X-Request-Id").orElseThrow();
        assertFalse(replaced, replaced.contains("<"));

        Http.Reply unauthenticated = http.get("/api/v1/customers", Http.DEFAULT_TENANT, "wrong-key-0123456789");
        assertEquals(401, unauthenticated.status());
        assertTrue(unauthenticated.headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    public void aChangeIsRecordedWithItsCallerAddressRequestAndFieldsAndTheChainVerifies() throws Exception {
        Http.Reply created = http.send(http.request("/api/v1/customers", Http.DEFAULT_TENANT, Http.DEFAULT_KEY)
                .header("Content-Type", "application/json").header("X-Request-Id", "audit-it-create")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Audited GmbH\",\"currency\":\"EUR\",\"email\":\"ap@audited.example\"}")));
        assertEquals(created.body(), 201, created.status());
        String id = created.json().get("id").asText();
        assertEquals(200, http.put("/api/v1/customers/" + id,
                "{\"name\":\"Audited AG\",\"currency\":\"EUR\",\"email\":\"ar@audited.example\"}", "\"0\"").status());

        JsonNode page = http.get("/api/v1/audit?entityType=customer&entityId=" + id).json();
        assertEquals(page.toString(), 2, page.get("totalItems").asLong());
        JsonNode creation = page.at("/items/0");
        assertEquals("CREATED", creation.get("operation").asText());
        assertEquals("CREDENTIAL", creation.at("/actor/kind").asText());
        assertEquals(credentialId(Http.DEFAULT_KEY), creation.at("/actor/id").asText());
        assertEquals("127.0.0.1", creation.get("clientAddress").asText());
        assertEquals("audit-it-create", creation.get("requestId").asText());
        JsonNode change = page.at("/items/1");
        assertEquals("CHANGED", change.get("operation").asText());
        assertTrue(change.toString(), change.get("changes").toString().contains(
                "{\"field\":\"name\",\"before\":\"Audited GmbH\",\"after\":\"Audited AG\"}"));
        assertFalse("personal data never enters the trail: " + page, page.toString().contains("audited.example"));
        assertEquals(change.get("previousHash").asText(), creation.get("hash").asText());

        assertTrue(http.get("/api/v1/audit?actor=" + credentialId(Http.DEFAULT_KEY) + "&from=2020-01-01").json()
                .get("totalItems").asLong() >= 2);

        Http.Reply csv = http.get("/api/v1/audit/export?entityType=customer&entityId=" + id);
        assertEquals(200, csv.status());
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(csv.body(), 3, lines.length);
        assertTrue(lines[0], lines[0].startsWith("sequence,recordedAt,actorKind,actorId"));
        assertTrue(lines[2], lines[2].contains("name: Audited GmbH -> Audited AG"));

        JsonNode verification = http.get("/api/v1/audit/verification").json();
        assertTrue(verification.toString(), verification.get("intact").asBoolean());
        assertTrue(verification.get("recordsChecked").asLong() >= 2);
        assertTrue(gogo("auditVerify", Http.DEFAULT_TENANT).startsWith("audit trail of default intact:"));
        assertEquals("receivables:auditVerify: not a tenant id: '../x' (lower-case letters, digits, '-' and '_')",
                gogo("auditVerify", "../x"));
    }

    @Test
    public void personalDataIsExportedAndErasedOnRequestWhileTheAccountAndItsTrailStay() {
        Http.Reply created = http.post("/api/v1/customers", "{\"name\":\"Jane Doe Trading\",\"number\":\"PD-1\","
                + "\"currency\":\"EUR\",\"email\":\"jane@doe.example\",\"taxId\":\"DE811907980\","
                + "\"phone\":\"+49 30 1234567\",\"iban\":\"DE89 3704 0044 0532 0130 00\"}");
        assertEquals(created.body(), 201, created.status());
        String id = created.json().get("id").asText();
        assertEquals("DE89370400440532013000", created.json().get("iban").asText());

        JsonNode export = http.get("/api/v1/customers/" + id + "/personal-data").json();
        assertEquals("jane@doe.example", export.get("email").asText());
        assertEquals("DE811907980", export.get("taxId").asText());
        assertEquals("DE89370400440532013000", export.get("iban").asText());
        assertTrue(export.get("erasedAt").isNull());

        Http.Reply erased = http.send(http.request("/api/v1/customers/" + id + "/personal-data", Http.DEFAULT_TENANT,
                Http.DEFAULT_KEY).DELETE());
        assertEquals(erased.body(), 200, erased.status());
        assertTrue(erased.json().get("name").asText().startsWith("Erased customer "));
        assertEquals("PD-1", erased.json().get("number").asText());
        assertTrue(erased.json().get("email").isNull());
        assertTrue(erased.json().get("iban").isNull());
        assertFalse(http.get("/api/v1/customers/" + id + "/personal-data").json().get("erasedAt").isNull());

        String trail = http.get("/api/v1/audit?entityType=customer&entityId=" + id).body();
        assertFalse(trail, trail.contains("jane@doe.example") || trail.contains("DE811907980") || trail.contains("1234567"));
        assertTrue(trail, trail.contains("\"field\":\"iban\",\"before\":\"(personal data)\",\"after\":null"));

        Http.Reply badIban = http.post("/api/v1/customers", "{\"name\":\"X\",\"currency\":\"EUR\",\"iban\":\"DE00 1234\"}");
        assertProblem(badIban, "iban");
        assertEquals(404, http.get("/api/v1/customers/" + java.util.UUID.randomUUID() + "/personal-data").status());
    }

    @Test
    public void providerAccountsInConfigAdminAreAuditedWithTheirSecretsByNameOnly() throws Exception {
        org.osgi.service.cm.Configuration account = configurationAdmin.getFactoryConfiguration(
                "receivables.provider.account", "audited", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("tenant", Http.DEFAULT_TENANT);
        properties.put("provider", "audited-pay");
        properties.put("enabled", false);
        properties.put("settings", new String[] { "merchantId=M-1" });
        properties.put("secrets", new String[] { "signingKey=clear-secret-value-4711" });
        account.update(properties);
        String trailOfAccount = "/api/v1/audit?entityType=provider-account&entityId=default/audited-pay";
        http.await(trailOfAccount, reply -> reply.json().get("totalItems").asLong() == 1, Duration.ofSeconds(20));
        awaitSealed(account);

        properties.put("settings", new String[] { "merchantId=M-2" });
        account.update(properties);
        http.await(trailOfAccount, reply -> reply.json().get("totalItems").asLong() == 2, Duration.ofSeconds(20));
        account.delete();
        JsonNode page = http.await(trailOfAccount, reply -> reply.json().get("totalItems").asLong() == 3,
                Duration.ofSeconds(20)).json();

        assertEquals(List.of("CREATED", "CHANGED", "DELETED"), page.findValuesAsText("operation"));
        JsonNode created = page.at("/items/0");
        assertEquals("SYSTEM", created.at("/actor/kind").asText());
        assertTrue(created.toString(), created.get("changes").toString().contains(
                "{\"field\":\"secrets\",\"before\":null,\"after\":\"signingKey\"}"));
        assertTrue(page.at("/items/1").toString(), page.at("/items/1/changes").toString().equals(
                "[{\"field\":\"settings\",\"before\":\"merchantId=M-1\",\"after\":\"merchantId=M-2\"}]"));
        assertFalse("a secret never enters the trail: " + page, page.toString().contains("clear-secret-value-4711"));
        assertFalse(http.get("/api/v1/audit/export?entityType=provider-account").body()
                .contains("clear-secret-value-4711"));
        assertTrue(http.get("/api/v1/audit/verification").json().get("intact").asBoolean());
    }

    @Test
    public void aProviderAccountChangedThroughTheApiIsRecordedWithItsCallerNotTheSystem() throws Exception {
        Http.Reply created = http.post("/api/v1/tenant/provider-accounts", "{\"provider\":\"audited-api\","
                + "\"enabled\":false,\"settings\":{\"merchantId\":\"M-7\"},\"secrets\":{\"signingKey\":\"api-secret-0815\"}}");
        assertEquals(created.body(), 201, created.status());
        String trailOfAccount = "/api/v1/audit?entityType=provider-account&entityId=default/audited-api";
        JsonNode creation = http.await(trailOfAccount, reply -> reply.json().get("totalItems").asLong() == 1,
                Duration.ofSeconds(20)).json().at("/items/0");
        assertEquals(creation.toString(), "CREDENTIAL", creation.at("/actor/kind").asText());
        assertEquals(credentialId(Http.DEFAULT_KEY), creation.at("/actor/id").asText());

        Http.Reply deleted = http.send(http.request("/api/v1/tenant/provider-accounts/audited-api", Http.DEFAULT_TENANT,
                Http.DEFAULT_KEY).DELETE());
        assertEquals(deleted.body(), 200, deleted.status());
        JsonNode deletion = http.await(trailOfAccount, reply -> reply.json().get("totalItems").asLong() == 2,
                Duration.ofSeconds(20)).json().at("/items/1");
        assertEquals("DELETED", deletion.get("operation").asText());
        assertEquals(credentialId(Http.DEFAULT_KEY), deletion.at("/actor/id").asText());
    }

    @Test
    public void badQueriesAreProblemsNamingTheParameter() {
        assertProblem(http.get("/api/v1/audit?from=yesterday"), "from");
        assertProblem(http.get("/api/v1/audit?from=2026-02-01&to=2026-01-01"), "to");
        assertProblem(http.get("/api/v1/audit?from=%2B999999999-12-31T00:00:00Z"), "from");
        assertProblem(http.get("/api/v1/audit/export?to=-000001-01-01T00:00:00Z"), "to");
        assertProblem(http.get("/api/v1/audit?entityId=abc"), "entityType");
        assertProblem(http.get("/api/v1/audit?size=0"), "size");
        assertProblem(http.get("/api/v1/audit?actor=" + "x".repeat(300)), "actor");
        assertEquals(401, http.get("/api/v1/audit", Http.DEFAULT_TENANT, null).status());
    }

    /** Until the account has written its plain secret back sealed, so that no later change races that write. */
    private static void awaitSealed(org.osgi.service.cm.Configuration account) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!String.join(",", (String[]) account.getProperties().get("secrets")).contains("{sealed}")) {
            assertTrue("the secret was not sealed within 20 s", Instant.now().isBefore(deadline));
            Http.sleep(25);
        }
    }

    private static void assertProblem(Http.Reply reply, String field) {
        assertEquals(reply.body(), 400, reply.status());
        assertEquals(reply.body(), field, reply.json().at("/errors/0/field").asText());
    }

    /** Runs a Gogo command function of ours as the shell would, through its service. */
    private String gogo(String function, String argument) throws Exception {
        ServiceReference<?>[] references = context.getServiceReferences((String) null,
                "(&(osgi.command.scope=receivables)(osgi.command.function=" + function + "))");
        assertNotEquals("the command " + function + " is registered", null, references);
        Object command = context.getService(references[0]);
        try {
            Method method = command.getClass().getMethod(function, String.class);
            return (String) method.invoke(command, argument);
        } finally {
            context.ungetService(references[0]);
        }
    }

    private static String credentialId(String key) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return "api-key:" + HexFormat.of().formatHex(digest, 0, 6);
    }
}
