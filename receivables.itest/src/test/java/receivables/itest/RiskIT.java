package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The risk model in the reference host: Tribuo, embedded in {@code receivables.impl}, learns inside Felix from a
 * ledger built over HTTP (40 invoices, 36 paid up to four weeks late), and its scores are read back over HTTP, those
 * of an invoice issued after the training too.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RiskIT extends InReferenceHost {

    public RiskIT() {
        super("risk");
    }

    @Test
    public void aModelTrainedInTheHostScoresCustomersAndOpenInvoices() {
        String customer = http.post("/api/v1/customers", "{\"name\":\"Risk GmbH\",\"currency\":\"EUR\"}").json()
                .get("id").asText();
        String open = null;
        for (int i = 0; i < 40; i++) {
            LocalDate day = LocalDate.of(2026, 1, 2).plusDays(3L * i);
            String invoice = http.post("/api/v1/invoices", "{\"orderId\":\"RISK-" + i + "\",\"customerId\":\""
                    + customer + "\",\"currency\":\"EUR\",\"orderDate\":\"" + day + "\",\"lines\":[{\"product\":"
                    + "\"CRATE\",\"quantity\":1,\"unitPrice\":" + (100 + 10 * i) + "}]}").json().get("id").asText();
            JsonNode issued = http.post("/api/v1/invoices/" + invoice + "/issue", "{\"issueDate\":\"" + day + "\"}")
                    .json();
            if (i >= 36) {
                open = invoice;
                continue;
            }
            LocalDate paid = LocalDate.parse(issued.at("/installments/0/dueDate").asText()).plusDays(7L * (i % 5));
            Http.Reply payment = http.postWithKey("/api/v1/payments", "{\"customerId\":\"" + customer
                    + "\",\"method\":\"BANK_TRANSFER\",\"currency\":\"EUR\",\"amount\":" + issued.at("/gross/amount")
                    .asText() + ",\"valueDate\":\"" + paid + "\",\"allocateTo\":[{\"invoiceId\":\"" + invoice
                    + "\"}]}", "risk-pay-" + i);
            assertEquals(payment.body(), 201, payment.status());
        }

        Http.Reply trained = http.post("/api/v1/risk/train?asOf=2026-09-30", "");
        assertEquals(trained.body(), 200, trained.status());
        assertEquals(1, trained.json().get("version").asInt());
        assertEquals("2026-09-30", trained.json().get("trainedAsOf").asText());

        JsonNode score = http.get("/api/v1/risk/customers/" + customer).json();
        assertTrue(score.toString(), score.get("score").asInt() >= 0 && score.get("score").asInt() <= 100);
        assertEquals(1, score.get("modelVersion").asInt());
        JsonNode invoice = http.get("/api/v1/risk/invoices/" + open).json();
        assertEquals(invoice.toString(), 1, invoice.get("installments").size());
        assertEquals(404, http.get("/api/v1/risk/customers/" + java.util.UUID.randomUUID()).status());

        JsonNode riskiest = http.get("/api/v1/risk/customers?minScore=0&size=5").json();
        assertEquals(riskiest.toString(), 1, riskiest.get("totalItems").asInt());
        assertEquals(customer, riskiest.at("/items/0/risk/customerId").asText());
        assertEquals("Risk GmbH", riskiest.at("/items/0/customerName").asText());
        assertEquals("EUR", riskiest.at("/items/0/open/0/currency").asText());
        Http.Reply badScore = http.get("/api/v1/risk/customers?minScore=101");
        assertEquals(badScore.body(), 400, badScore.status());
        assertTrue(badScore.body(), badScore.body().contains("minScore"));

        // Issued after the training: scored by the latest model through Event Admin, moments after the commit.
        String late = http.post("/api/v1/invoices", "{\"orderId\":\"RISK-LATE\",\"customerId\":\"" + customer
                + "\",\"currency\":\"EUR\",\"orderDate\":\"2026-10-01\",\"lines\":[{\"product\":\"CRATE\","
                + "\"quantity\":1,\"unitPrice\":900}]}").json().get("id").asText();
        http.post("/api/v1/invoices/" + late + "/issue", "{\"issueDate\":\"2026-10-01\"}");
        Http.Reply scored = http.await("/api/v1/risk/invoices/" + late, reply -> reply.status() != 404,
                Duration.ofSeconds(30));
        assertEquals(scored.body(), 200, scored.status());
        assertEquals(1, scored.json().get("modelVersion").asInt());

        Http.Reply refused = http.post("/api/v1/risk/backtest", "");
        assertEquals(refused.body(), 400, refused.status());
        assertTrue(refused.body(), refused.body().contains("asOf"));
    }
}
