package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Four eyes over HTTP in the running host: a tenant with an approval threshold, two finance managers' keys. A write-off
 * above the threshold and a raise of a credit limit answer 202 with their approval request; the requester cannot
 * approve it; the other key approves it once, and it takes effect then; the trail names both.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApprovalsIT extends InReferenceHost {

    private static final String TENANT = "four-eyes";
    private static final String ASKS = "four-eyes-key-alpha-0001";
    private static final String APPROVES = "four-eyes-key-bravo-0002";

    private org.osgi.service.cm.Configuration tenant;

    public ApprovalsIT() {
        super("approvals");
    }

    @Before
    public void aTenantWithFourEyes() throws Exception {
        tenant = configurationAdmin.getFactoryConfiguration("receivables.tenant", TENANT, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("id", TENANT);
        properties.put("apiKeys", new String[] { ASKS, APPROVES });
        properties.put("approvalThreshold", "100");
        tenant.update(properties);
        http.await("/api/v1/health", reply -> http.get("/api/v1/approvals", TENANT, ASKS).status() == 200,
                Duration.ofSeconds(20));
    }

    @After
    public void removeTheTenant() throws Exception {
        tenant.delete();
    }

    @Test
    public void aWriteOffAboveTheThresholdWaitsForASecondPerson() {
        String customer = created("/api/v1/customers", "{\"name\":\"Insolvent GmbH\",\"currency\":\"EUR\"}");
        String invoice = created("/api/v1/invoices", "{\"orderId\":\"SO-4E\",\"customerId\":\"" + customer + "\","
                + "\"currency\":\"EUR\",\"orderDate\":\"2026-03-02\",\"lines\":[{\"product\":\"ITEM\",\"quantity\":1,"
                + "\"unitPrice\":250,\"taxRate\":0}]}");
        Http.Reply issued = http.post("/api/v1/invoices/" + invoice + "/issue", "{\"issueDate\":\"2026-03-02\"}", TENANT, ASKS);
        assertTrue(issued.body(), issued.status() < 300);

        Http.Reply waiting = http.post("/api/v1/invoices/" + invoice + "/write-off", "{\"reason\":\"insolvent\"}", TENANT, ASKS);

        assertEquals(waiting.body(), 202, waiting.status());
        String id = waiting.json().get("id").asText();
        assertEquals("PENDING", waiting.json().get("status").asText());
        assertEquals("WRITE_OFF", waiting.json().get("kind").asText());
        assertTrue(waiting.headers().firstValue("Location").orElse(""),
                waiting.headers().firstValue("Location").orElse("").endsWith("approvals/" + id));
        assertEquals("ISSUED", http.get("/api/v1/invoices/" + invoice, TENANT, ASKS).json().get("status").asText());
        assertTrue(http.get("/api/v1/approvals?status=PENDING", TENANT, APPROVES).body().contains(id));

        Http.Reply own = http.post("/api/v1/approvals/" + id + "/approve", "{}", TENANT, ASKS);
        assertEquals(own.body(), 403, own.status());
        assertTrue(own.body(), own.body().contains("own-request"));
        Http.Reply approved = http.post("/api/v1/approvals/" + id + "/approve", "{\"note\":\"seen the notice\"}", TENANT,
                APPROVES);
        assertEquals(approved.body(), 200, approved.status());
        assertEquals("APPROVED", approved.json().get("status").asText());
        assertEquals("WRITTEN_OFF", http.get("/api/v1/invoices/" + invoice, TENANT, ASKS).json().get("status").asText());
        Http.Reply again = http.post("/api/v1/approvals/" + id + "/approve", "{}", TENANT, APPROVES);
        assertEquals(again.body(), 409, again.status());
        assertEquals(1, http.get("/api/v1/invoices/" + invoice + "/write-offs", TENANT, ASKS).json().size());

        JsonNode trail = http.get("/api/v1/audit?entityType=approval-request&entityId=" + id, TENANT, ASKS).json();
        assertEquals(trail.toString(), 2, trail.get("totalItems").asLong());
        assertTrue(trail.toString(), !trail.at("/items/0/actor/id").asText().equals(trail.at("/items/1/actor/id").asText()));
    }

    @Test
    public void aRaiseOfTheCreditLimitTakesEffectOnlyOnceApproved() {
        String customer = created("/api/v1/customers", "{\"name\":\"Limited Ltd\",\"currency\":\"EUR\",\"creditLimit\":1000}");

        Http.Reply raised = http.send(http.request("/api/v1/customers/" + customer, TENANT, ASKS)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Limited Ltd\",\"currency\":\"EUR\",\"creditLimit\":2000}")));

        assertEquals(raised.body(), 202, raised.status());
        assertEquals("CREDIT_LIMIT_INCREASE", raised.json().get("kind").asText());
        assertEquals(1000, http.get("/api/v1/customers/" + customer, TENANT, ASKS).json().get("creditLimit").asInt());
        Http.Reply rejected = http.post("/api/v1/approvals/" + raised.json().get("id").asText() + "/reject",
                "{\"note\":\"not now\"}", TENANT, APPROVES);
        assertEquals(rejected.body(), 200, rejected.status());
        assertEquals(1000, http.get("/api/v1/customers/" + customer, TENANT, ASKS).json().get("creditLimit").asInt());

        Http.Reply again = http.send(http.request("/api/v1/customers/" + customer, TENANT, ASKS)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Limited Ltd\",\"currency\":\"EUR\",\"creditLimit\":1500}")));
        assertEquals(again.body(), 202, again.status());
        Http.Reply approved = http.post("/api/v1/approvals/" + again.json().get("id").asText() + "/approve", "{}",
                TENANT, APPROVES);
        assertEquals(approved.body(), 200, approved.status());
        assertEquals(1500, http.get("/api/v1/customers/" + customer, TENANT, ASKS).json().get("creditLimit").asInt());
    }

    private String created(String path, String json) {
        Http.Reply reply = http.post(path, json, TENANT, ASKS);
        assertEquals(reply.body(), 201, reply.status());
        return reply.json().get("id").asText();
    }
}
