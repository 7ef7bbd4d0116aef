package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.time.Instant;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Machine credentials over HTTP in the running host: a tenant admin issues one (its secret shown once), it acts
 * with its own roles, the list never shows a secret and tells when it was last used, revoking and expiry refuse it
 * with 401, and the trail names who issued and revoked it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MachineCredentialsIT extends InReferenceHost {

    public MachineCredentialsIT() {
        super("machine-credentials");
    }

    @Test
    public void anIssuedCredentialActsWithItsRolesUntilItIsRevoked() {
        Http.Reply issued = http.post("/api/v1/credentials", "{\"name\":\"shop\",\"roles\":[\"CLERK\"]}");
        assertEquals(issued.body(), 201, issued.status());
        assertEquals("no-store", issued.headers().firstValue("Cache-Control").orElse(""));
        String secret = issued.json().get("secret").asText();
        String id = issued.json().at("/credential/id").asText();
        assertTrue(secret, secret.startsWith("rcv_"));

        assertEquals(200, http.get("/api/v1/customers", Http.DEFAULT_TENANT, secret).status());
        Http.Reply created = http.post("/api/v1/customers", "{\"name\":\"Shop Customer\",\"currency\":\"EUR\"}",
                Http.DEFAULT_TENANT, secret);
        assertEquals(created.body(), 201, created.status());
        Http.Reply notAdmin = http.post("/api/v1/credentials", "{\"name\":\"escalated\",\"roles\":[\"TENANT_ADMIN\"]}",
                Http.DEFAULT_TENANT, secret);
        assertEquals(notAdmin.body(), 403, notAdmin.status());
        assertTrue(notAdmin.body(), notAdmin.body().contains("POST /credentials"));
        Http.Reply creditLimit = http.post("/api/v1/customers", "{\"name\":\"Limited\",\"currency\":\"EUR\","
                + "\"creditLimit\":5000}", Http.DEFAULT_TENANT, secret);
        assertEquals(creditLimit.body(), 403, creditLimit.status());
        assertTrue(creditLimit.body(), creditLimit.body().contains("credit settings of a customer"));
        Http.Reply renamed = http.send(http.request("/api/v1/customers/" + created.json().get("id").asText(),
                Http.DEFAULT_TENANT, secret).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Shop Customer AG\",\"currency\":\"EUR\"}")));
        assertEquals("a clerk's change that leaves the credit settings alone: " + renamed.body(), 200, renamed.status());
        JsonNode trail = http.get("/api/v1/audit?entityType=customer&entityId=" + created.json().get("id").asText())
                .json();
        assertEquals("credential:" + id, trail.at("/items/0/actor/id").asText());

        Http.Reply listed = http.get("/api/v1/credentials");
        assertEquals(200, listed.status());
        assertFalse("never a secret in the list", listed.body().contains(secret.substring(38)));
        assertFalse(listed.body(), listed.body().contains("secretHash") || listed.body().contains("hmac"));
        JsonNode shop = null;
        for (JsonNode credential : listed.json()) {
            if (credential.get("id").asText().equals(id)) {
                shop = credential;
            }
        }
        assertTrue(listed.body(), shop != null && !shop.get("lastUsedAt").isNull());

        Http.Reply revoked = http.send(http.request("/api/v1/credentials/" + id, Http.DEFAULT_TENANT, Http.DEFAULT_KEY)
                .DELETE());
        assertEquals(revoked.body(), 200, revoked.status());
        assertFalse(revoked.json().get("revokedAt").isNull());
        assertEquals(401, http.get("/api/v1/customers", Http.DEFAULT_TENANT, secret).status());

        JsonNode audit = http.get("/api/v1/audit?entityType=credential&entityId=" + id).json();
        assertEquals(audit.toString(), 2, audit.get("totalItems").asLong());
        assertEquals("CREATED", audit.at("/items/0/operation").asText());
        assertEquals("CHANGED", audit.at("/items/1/operation").asText());
        assertFalse(audit.toString(), audit.toString().contains(secret.substring(38)));
    }

    @Test
    public void anExpiredCredentialIsRefusedAndABadRequestNamesTheField() {
        Http.Reply issued = http.post("/api/v1/credentials", "{\"name\":\"brief\",\"roles\":[\"AUDITOR\"],\"expiresAt\":\""
                + Instant.now().plusSeconds(2) + "\"}");
        assertEquals(issued.body(), 201, issued.status());
        String secret = issued.json().get("secret").asText();
        assertEquals(200, http.get("/api/v1/customers", Http.DEFAULT_TENANT, secret).status());
        Http.sleep(2500);
        assertEquals(401, http.get("/api/v1/customers", Http.DEFAULT_TENANT, secret).status());

        Http.Reply unknownRole = http.post("/api/v1/credentials", "{\"name\":\"x\",\"roles\":[\"GOD\"]}");
        assertEquals(unknownRole.body(), 400, unknownRole.status());
        assertTrue(unknownRole.body(), unknownRole.body().contains("roles"));
        Http.Reply noName = http.post("/api/v1/credentials", "{\"roles\":[\"CLERK\"]}");
        assertEquals(noName.body(), 400, noName.status());
        assertTrue(noName.body(), noName.body().contains("\"field\":\"name\""));
        Http.Reply taken = http.post("/api/v1/credentials", "{\"name\":\"brief\",\"roles\":[\"CLERK\"]}");
        assertEquals(taken.body(), 409, taken.status());
        Http.Reply unknown = http.send(http.request("/api/v1/credentials/" + java.util.UUID.randomUUID(),
                Http.DEFAULT_TENANT, Http.DEFAULT_KEY).DELETE());
        assertEquals(404, unknown.status());
    }

    @Test
    public void aCollectorReadsOnlyTheCustomersAssignedToThem() {
        Http.Reply issued = http.post("/api/v1/credentials", "{\"name\":\"collections-bot\",\"roles\":[\"COLLECTOR\"]}");
        assertEquals(issued.body(), 201, issued.status());
        String secret = issued.json().get("secret").asText();
        String collector = "credential:" + issued.json().at("/credential/id").asText();
        String theirs = http.post("/api/v1/customers", "{\"name\":\"Assigned Collectable\",\"currency\":\"EUR\"}")
                .json().get("id").asText();
        String other = http.post("/api/v1/customers", "{\"name\":\"Other Collectable\",\"currency\":\"EUR\"}")
                .json().get("id").asText();
        Http.Reply assigned = http.send(http.request("/api/v1/customers/" + theirs + "/collector", Http.DEFAULT_TENANT,
                Http.DEFAULT_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"collector\":\"" + collector + "\"}")));
        assertEquals(assigned.body(), 200, assigned.status());
        assertEquals(collector, assigned.json().get("collector").asText());

        JsonNode list = http.get("/api/v1/customers?name=Collectable", Http.DEFAULT_TENANT, secret).json();
        assertEquals(list.toString(), 1, list.get("totalItems").asLong());
        assertEquals(theirs, list.at("/items/0/id").asText());
        assertEquals(2, http.get("/api/v1/customers?name=Collectable").json().get("totalItems").asLong());
        assertEquals(200, http.get("/api/v1/customers/" + theirs, Http.DEFAULT_TENANT, secret).status());
        assertEquals(200, http.get("/api/v1/customers/" + theirs + "/open-items", Http.DEFAULT_TENANT, secret).status());
        for (String path : new String[] { "", "/statement", "/open-items", "/credit-check?amount=1" }) {
            Http.Reply hidden = http.get("/api/v1/customers/" + other + path, Http.DEFAULT_TENANT, secret);
            assertEquals(path + " " + hidden.body(), 404, hidden.status());
        }
        assertEquals(403, http.send(http.request("/api/v1/customers/" + other + "/collector", Http.DEFAULT_TENANT, secret)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"collector\":\"" + collector + "\"}"))).status());

        // Payment intents: a collector starts and follows them for their own customers' invoices only.
        String theirInvoice = issuedInvoice(theirs, "SO-THEIRS");
        String otherInvoice = issuedInvoice(other, "SO-OTHER");
        Http.Reply refused = http.send(http.request("/api/v1/payment-intents", Http.DEFAULT_TENANT, secret)
                .header("Content-Type", "application/json").header("Idempotency-Key", "collector-other")
                .POST(HttpRequest.BodyPublishers.ofString("{\"invoiceId\":\"" + otherInvoice + "\",\"provider\":\"none\"}")));
        assertEquals(refused.body(), 404, refused.status());
        assertEquals(404, http.get("/api/v1/payment-intents?invoiceId=" + otherInvoice, Http.DEFAULT_TENANT, secret).status());
        assertEquals("[]", http.get("/api/v1/payment-intents?invoiceId=" + otherInvoice).body());
        // Their own invoice passes the assignment and meets the provider check (no provider is enabled here).
        Http.Reply theirsChecked = http.send(http.request("/api/v1/payment-intents", Http.DEFAULT_TENANT, secret)
                .header("Content-Type", "application/json").header("Idempotency-Key", "collector-theirs")
                .POST(HttpRequest.BodyPublishers.ofString("{\"invoiceId\":\"" + theirInvoice + "\",\"provider\":\"none\"}")));
        assertEquals(theirsChecked.body(), 400, theirsChecked.status());
        assertTrue(theirsChecked.body(), theirsChecked.body().contains("provider"));
        assertEquals(200, http.get("/api/v1/payment-intents?invoiceId=" + theirInvoice, Http.DEFAULT_TENANT, secret).status());
        assertEquals(200, http.get("/api/v1/payment-providers", Http.DEFAULT_TENANT, secret).status());
    }

    /** An issued invoice of the customer, with the demo key. */
    private String issuedInvoice(String customer, String order) {
        String id = http.post("/api/v1/invoices", "{\"orderId\":\"" + order + "\",\"customerId\":\"" + customer
                + "\",\"currency\":\"EUR\",\"orderDate\":\"2026-03-01\",\"lines\":[{\"product\":\"BOX\",\"quantity\":1,"
                + "\"unitPrice\":\"80.00\",\"taxRate\":0}]}").json().get("id").asText();
        Http.Reply issued = http.post("/api/v1/invoices/" + id + "/issue", "{\"issueDate\":\"2026-03-02\"}");
        assertEquals(issued.body(), 200, issued.status());
        return id;
    }
}
