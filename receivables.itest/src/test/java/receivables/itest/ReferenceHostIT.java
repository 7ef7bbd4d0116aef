package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reference host as shipped, booted in Felix, driven over HTTP: health, the customer resource end to
 * end on the embedded H2 database, RFC 9457 problems for bad input, and tenant isolation.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReferenceHostIT extends InReferenceHost {

    private static final List<String> BUNDLES = List.of("receivables.api", "receivables.impl", "receivables.payments.bank",
            "receivables.payments.wallet", "receivables.notices.mail", "receivables.notices.sms", "receivables.ui",
            "receivables.events.rabbitmq");

    public ReferenceHostIT() {
        super("reference-host");
    }

    @Test
    public void runsInsideApacheFelix() {
        Bundle self = FrameworkUtil.getBundle(getClass());
        assertNotNull("the test runs as a bundle in the framework", self);
        assertEquals("org.apache.felix.framework", context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getSymbolicName());
    }

    @Test
    public void healthReportsEveryReceivablesBundleActiveAndTheDatabaseUp() {
        JsonNode health = http.get("/api/v1/health").json();

        assertEquals("UP", health.get("status").asText());
        assertEquals("UP", health.at("/database/status").asText());
        assertTrue(health.at("/database/product").asText(), health.at("/database/product").asText().startsWith("H2"));
        assertTrue("migrated: " + health, health.at("/database/schemaVersion").asInt() >= 5);
        for (String name : BUNDLES) {
            JsonNode bundle = bundle(health, name);
            assertNotNull(name + " is reported", bundle);
            assertEquals(name, "ACTIVE", bundle.get("state").asText());
        }
    }

    @Test
    public void theOpenApiDocumentDescribesEveryEndpointTheHostServesAndAPageRendersIt() {
        Http.Reply reply = http.get("/api/v1/openapi.json", null, null);
        assertEquals("public, like the README: " + reply.body(), 200, reply.status());
        JsonNode document = reply.json();
        assertEquals("3.1.0", document.get("openapi").asText());
        List<RestEndpoints.Endpoint> endpoints = RestEndpoints.of(Path.of(System.getProperty("receivables.runtime.dir",
                "target/runtime")));
        Map<String, String> wrong = new TreeMap<>();
        Set<String> served = new TreeSet<>();
        for (RestEndpoints.Endpoint endpoint : endpoints) {
            String path = endpoint.path().substring(RestEndpoints.BASE.length() - 1);
            served.add(endpoint.httpMethod().toLowerCase() + " " + path);
            JsonNode operation = document.path("paths").path(path).path(endpoint.httpMethod().toLowerCase());
            if (!operation.isObject()) {
                wrong.put(endpoint.toString(), "is not described");
                continue;
            }
            Set<String> described = new TreeSet<>();
            operation.path("parameters").forEach(parameter -> {
                if (!parameter.path("in").asText().equals("cookie")) {
                    described.add(parameter.path("in").asText() + " " + parameter.path("name").asText());
                }
            });
            Set<String> taken = new TreeSet<>();
            endpoint.slots().stream().filter(slot -> slot.kind() != RestEndpoints.Kind.BODY)
                    .filter(slot -> !slot.name().equalsIgnoreCase("Content-Type"))
                    .forEach(slot -> taken.add(slot.kind().name().toLowerCase() + " " + slot.name()));
            if (!described.containsAll(taken)) {
                wrong.put(endpoint.toString(), "describes " + described + " but takes " + taken);
            }
            Set<String> roles = new TreeSet<>();
            operation.path("x-permitted-roles").forEach(role -> roles.add(role.asText()));
            if (!endpoint.credentialsOptional() && !roles.equals(new TreeSet<>(endpoint.permitted()))) {
                wrong.put(endpoint.toString(), "names the roles " + roles + " but permits " + endpoint.permitted());
            }
        }
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb + " " + path.getKey())));
        assertEquals("endpoints that differ from the document: " + wrong, Map.of(), wrong);
        assertEquals("nothing described that the host does not serve", served, documented);

        Http.Reply page = http.get("/receivables/api.html", null, null);
        assertEquals(200, page.status());
        assertTrue(page.body(), page.body().contains("reference/reference.js"));
        Http.Reply script = http.get("/receivables/reference/reference.js", null, null);
        assertEquals(200, script.status());
        assertTrue("the page reads the document the host serves", script.body().contains("/api/v1/openapi.json"));
    }

    @Test
    public void theChartLibraryIsServedFromThisBundleWithItsLicence() {
        Http.Reply module = http.get("/receivables/vendor/echarts/dist/echarts.esm.min.js", null, null);
        assertEquals(200, module.status());
        assertTrue(module.contentType(), module.contentType().contains("javascript"));
        assertTrue("the ES module build", module.body().contains("export"));
        Http.Reply licence = http.get("/receivables/vendor/echarts/LICENSE", null, null);
        assertEquals(200, licence.status());
        assertTrue(licence.body().contains("Apache License"));
    }

    @Test
    public void customersAreCreatedReadUpdatedAndListed() {
        Http.Reply created = http.post("/api/v1/customers",
                "{\"name\":\"Acme GmbH\",\"number\":\"C-100\",\"currency\":\"EUR\",\"email\":\"ap@acme.example\"}");
        assertEquals(created.body(), 201, created.status());
        JsonNode customer = created.json();
        String id = customer.get("id").asText();

        JsonNode read = http.get("/api/v1/customers/" + id).json();
        assertEquals("Acme GmbH", read.get("name").asText());
        assertEquals("EUR", read.get("currency").asText());

        Http.Reply stale = http.put("/api/v1/customers/" + id,
                "{\"name\":\"Acme AG\",\"number\":\"C-100\",\"currency\":\"CHF\"}", "\"7\"");
        assertEquals(stale.body(), 409, stale.status());
        assertEquals("Acme GmbH", http.get("/api/v1/customers/" + id).json().get("name").asText());

        Http.Reply updated = http.put("/api/v1/customers/" + id,
                "{\"name\":\"Acme AG\",\"number\":\"C-100\",\"currency\":\"CHF\"}", "\"0\"");
        assertEquals(updated.body(), 200, updated.status());
        assertEquals("Acme AG", updated.json().get("name").asText());
        assertEquals(1, updated.json().get("version").asLong());

        for (int i = 0; i < 3; i++) {
            assertEquals(201, http.post("/api/v1/customers", "{\"name\":\"Paging " + i + "\",\"currency\":\"USD\"}").status());
        }
        JsonNode page = http.get("/api/v1/customers?name=paging&size=2&page=0").json();
        assertEquals(3, page.get("totalItems").asLong());
        assertEquals(2, page.get("items").size());
        assertEquals("Paging 0", page.at("/items/0/name").asText());
        assertEquals(1, http.get("/api/v1/customers?name=paging&size=2&page=1").json().get("items").size());
    }

    @Test
    public void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        long before = customerCount();

        assertProblem(http.post("/api/v1/customers", "{\"name\": \"Half"), 400, "body");
        assertProblem(http.post("/api/v1/customers", "{\"name\":\"X\",\"currency\":\"EUR\",\"colour\":\"red\"}"), 400, "colour");
        assertProblem(http.post("/api/v1/customers", "{\"currency\":\"EUR\"}"), 400, "name");
        assertProblem(http.post("/api/v1/customers", "{\"name\":\"X\",\"currency\":\"EURO\"}"), 400, "currency");
        assertProblem(http.post("/api/v1/customers", "{\"name\":12,\"currency\":\"EUR\"}"), 400, "name");
        assertProblem(http.post("/api/v1/customers", ""), 400, "body");
        assertProblem(http.get("/api/v1/customers?size=lots"), 400, "size");
        assertProblem(http.get("/api/v1/customers/" + UUID.randomUUID()), 404, null);
        assertProblem(http.get("/api/v1/customers/not-an-id"), 404, null);
        assertProblem(http.get("/api/v1/nothing-here"), 404, null);

        assertEquals(before, customerCount());
    }

    @Test
    public void anotherTenantCannotSeeTheCustomer() throws Exception {
        String id = http.post("/api/v1/customers", "{\"name\":\"Only Default's\",\"currency\":\"EUR\"}").json().get("id").asText();
        org.osgi.service.cm.Configuration acme = configurationAdmin.getFactoryConfiguration("receivables.tenant", "acme", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("id", "acme");
        properties.put("apiKeys", new String[] { "acme-key-0123456789abcdef" });
        acme.update(properties);
        try {
            http.await("/api/v1/health", reply -> http.get("/api/v1/customers", "acme", "acme-key-0123456789abcdef").status() == 200,
                    Duration.ofSeconds(10));

            assertProblem(http.get("/api/v1/customers/" + id, "acme", "acme-key-0123456789abcdef"), 404, null);
            assertEquals(0, http.get("/api/v1/customers", "acme", "acme-key-0123456789abcdef").json().get("totalItems").asLong());
            assertEquals(201, http.post("/api/v1/customers", "{\"name\":\"Acme's own\",\"currency\":\"EUR\"}", "acme",
                    "acme-key-0123456789abcdef").status());
            assertTrue(http.get("/api/v1/customers?name=acme%27s", "default", Http.DEFAULT_KEY).json().get("items").isEmpty());

            assertProblem(http.get("/api/v1/customers", "acme", Http.DEFAULT_KEY), 401, null);
            assertProblem(http.get("/api/v1/customers", "default", "acme-key-0123456789abcdef"), 401, null);
            assertProblem(http.get("/api/v1/customers", null, null), 401, null);
        } finally {
            acme.delete();
        }
    }

    @Test
    public void orderToCashOverHttp() {
        String customer = http.post("/api/v1/customers", "{\"name\":\"Cash Flow GmbH\",\"currency\":\"EUR\"}").json()
                .get("id").asText();
        assertEquals(200, http.put("/api/v1/payment-terms/HALVES", "{\"name\":\"Half now, half in 30 days\","
                + "\"notation\":\"50%@0 50%@30\"}", null).status());
        String order = "{\"orderId\":\"SO-HTTP-1\",\"customerId\":\"" + customer + "\",\"currency\":\"EUR\","
                + "\"orderDate\":\"2026-03-01\",\"termsCode\":\"HALVES\",\"salesperson\":\"Lee Seller\","
                + "\"lines\":[{\"product\":\"BOX\",\"quantity\":3,\"unitPrice\":33.33,\"taxRate\":19}]}";

        Http.Reply draft = http.post("/api/v1/invoices", order);
        assertEquals(draft.body(), 201, draft.status());
        assertEquals("Lee Seller", draft.json().get("salesperson").asText());
        String invoice = draft.json().get("id").asText();
        assertEquals(invoice, http.post("/api/v1/invoices", order).json().get("id").asText());

        JsonNode issued = http.post("/api/v1/invoices/" + invoice + "/issue", "{\"issueDate\":\"2026-03-02\"}").json();
        assertEquals("ISSUED", issued.get("status").asText());
        assertTrue(issued.get("number").asText().startsWith("INV-2026-"));
        assertEquals("118.99", issued.at("/gross/amount").asText());
        assertEquals("59.50", issued.at("/installments/0/amount/amount").asText());
        assertEquals("59.49", issued.at("/installments/1/amount/amount").asText());

        String payment = "{\"customerId\":\"" + customer + "\",\"method\":\"BANK_TRANSFER\",\"amount\":150.00,"
                + "\"currency\":\"EUR\",\"valueDate\":\"2026-03-10\"}";
        assertProblem(http.post("/api/v1/payments", payment), 400, "Idempotency-Key");
        Http.Reply paid = http.postWithKey("/api/v1/payments", payment, "bank-line-42");
        assertEquals(paid.body(), 201, paid.status());
        assertEquals("31.01", paid.json().at("/unallocated/amount").asText());
        assertEquals(paid.json().get("id").asText(),
                http.postWithKey("/api/v1/payments", payment, "bank-line-42").json().get("id").asText());
        assertEquals("PAID", http.get("/api/v1/invoices/" + invoice).json().get("status").asText());

        JsonNode entries = http.get("/api/v1/journal?reference=" + issued.get("number").asText()).json();
        assertEquals(1, entries.size());
        assertEquals("RECEIVABLE", entries.at("/0/lines/0/account").asText());
        assertEquals("118.99", entries.at("/0/lines/0/debit/amount").asText());

        JsonNode aging = http.get("/api/v1/reports/aging?asOf=2026-03-05&buckets=30,60").json();
        assertEquals("current", aging.at("/buckets/0/label").asText());
        assertTrue(aging.toString(), aging.get("rows").toString().contains("Cash Flow GmbH"));

        // The reports by dimension see the order's salesperson, as JSON, CSV and XLSX.
        JsonNode bySalesperson = http.get("/api/v1/reports/receivables?asOf=2026-03-05&by=salesperson").json();
        assertTrue(bySalesperson.toString(), bySalesperson.get("rows").toString()
                .contains("\"key\":\"Lee Seller\",\"label\":\"Lee Seller\",\"currency\":\"EUR\""));
        Http.Reply csv = http.get("/api/v1/reports/receivables?asOf=2026-03-05&by=salesperson&format=csv");
        assertEquals(csv.body(), 200, csv.status());
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        assertTrue(csv.body(), csv.body().startsWith("salesperson,label,currency,current,1-30,31-60,61-90,over 90,total\r\n"));
        assertTrue(csv.body(), csv.body().contains("Lee Seller,Lee Seller,EUR,"));
        Http.Reply xlsx = http.get("/api/v1/reports/kpis?asOf=2026-03-31&months=2&format=xlsx");
        assertEquals(xlsx.body(), 200, xlsx.status());
        assertTrue(xlsx.body(), xlsx.body().startsWith("PK"));
        JsonNode collected = http.get("/api/v1/reports/collections?from=2026-03-01&to=2026-03-31&by=salesperson").json();
        assertTrue(collected.toString(), collected.get("rows").toString().contains("\"key\":\"Lee Seller\""));
        assertEquals(200, http.get("/api/v1/reports/cash-forecast?asOf=2026-03-05").status());
        assertEquals(200, http.get("/api/v1/reports/cash-forecast/back-test?asOf=2026-03-05").status());
        Http.Reply exported = http.post("/api/v1/gl-exports", "{\"sink\":\"it-ledger\",\"period\":\"2026-03\"}");
        assertEquals(exported.body(), 201, exported.status());
        assertEquals(exported.json().get("id").asText(), http.post("/api/v1/gl-exports",
                "{\"sink\":\"it-ledger\",\"period\":\"2026-03\"}").json().get("id").asText());
        Http.Reply journalCsv = http.get("/api/v1/gl-exports/" + exported.json().get("id").asText() + "?format=csv");
        assertEquals(journalCsv.body(), 200, journalCsv.status());
        assertTrue(journalCsv.body(), journalCsv.body().contains(",INVOICE_ISSUED," + issued.get("number").asText() + ","));

        String overpay = "{\"customerId\":\"" + customer + "\",\"method\":\"CASH\",\"amount\":10.00,"
                + "\"currency\":\"EUR\",\"valueDate\":\"2026-03-11\",\"allocateTo\":[{\"invoiceId\":\"" + invoice
                + "\",\"amount\":5.00}]}";
        assertProblem(http.postWithKey("/api/v1/payments", overpay, "cash-1"), 400, "allocateTo[0].invoiceId");
        assertProblem(http.postWithKey("/api/v1/payments", payment.replace("150.00", "1.001"), "bad-scale"), 400, "amount");
        assertProblem(http.post("/api/v1/invoices/" + invoice + "/issue", "{\"issueDate\":\"yesterday\"}"), 400, "issueDate");
    }

    @Test
    public void checkoutBillingRunsCreditNotesAndRatesOverHttp() {
        String customer = http.post("/api/v1/customers", "{\"name\":\"Till & Batch Ltd\",\"currency\":\"EUR\"}").json()
                .get("id").asText();
        String order = "{\"orderId\":\"%s\",\"customerId\":\"" + customer + "\",\"currency\":\"EUR\","
                + "\"orderDate\":\"2026-03-01\",\"lines\":[{\"product\":\"CUP\",\"quantity\":2,\"unitPrice\":5.00}]}";

        Http.Reply receipt = http.postWithKey("/api/v1/checkout", "{\"order\":" + String.format(order, "SO-TILL-1")
                + ",\"issueDate\":\"2026-03-02\",\"payment\":{\"method\":\"CARD\",\"amount\":10.00}}", "till-http-1");
        assertEquals(receipt.body(), 201, receipt.status());
        assertEquals("PAID", receipt.json().at("/invoice/status").asText());

        Http.Reply started = http.post("/api/v1/billing-runs", "{\"issueDate\":\"2026-03-05\",\"orders\":["
                + String.format(order, "SO-RUN-1") + "," + String.format(order, "SO-RUN-2") + ","
                + String.format(order, "SO-RUN-3").replace("\"quantity\":2", "\"quantity\":-2") + "]}");
        assertEquals(started.body(), 202, started.status());
        JsonNode run = http.await("/api/v1/billing-runs/" + started.json().get("id").asText(),
                reply -> !reply.json().get("status").asText().equals("RUNNING"), Duration.ofSeconds(30)).json();
        assertEquals(run.toString(), 2, run.get("done").asInt());
        assertEquals(1, run.get("failed").asInt());
        assertEquals("SO-RUN-3", run.at("/failures/0/orderId").asText());

        String invoice = http.get("/api/v1/invoices?customerId=" + customer + "&status=ISSUED").json().at("/items/0/id").asText();
        Http.Reply note = http.post("/api/v1/invoices/" + invoice + "/credit-notes", "{\"amount\":2.00,\"reason\":\"chipped\"}");
        assertEquals(note.body(), 201, note.status());
        assertProblem(http.post("/api/v1/invoices/" + invoice + "/credit-notes", "{\"amount\":500.00,\"reason\":\"x\"}"),
                400, "amount");

        assertEquals(200, http.put("/api/v1/exchange-rates", "[{\"currency\":\"USD\",\"date\":\"2026-03-01\","
                + "\"rate\":0.92}]", null).status());
        assertProblem(http.put("/api/v1/exchange-rates", "[{\"currency\":\"USD\",\"date\":\"2026-03-01\","
                + "\"rate\":-1}]", null), 400, "rates[0]");
        assertEquals("0.92", http.get("/api/v1/exchange-rates?currency=USD").json().at("/0/rate").asText());

        String american = http.post("/api/v1/customers", "{\"name\":\"Dollar Diner\",\"currency\":\"USD\"}").json()
                .get("id").asText();
        String dollars = http.post("/api/v1/invoices", "{\"orderId\":\"SO-USD-1\",\"customerId\":\"" + american
                + "\",\"currency\":\"USD\",\"orderDate\":\"2026-03-01\",\"lines\":[{\"product\":\"PIE\","
                + "\"quantity\":1,\"unitPrice\":100.00}]}").json().get("id").asText();
        JsonNode dollarInvoice = http.post("/api/v1/invoices/" + dollars + "/issue", "{\"issueDate\":\"2026-03-02\"}").json();
        assertEquals("ISSUED", dollarInvoice.get("status").asText());
        JsonNode inDollars = http.get("/api/v1/journal?reference=" + dollarInvoice.get("number").asText()).json().get(0);
        assertEquals("100.00", inDollars.at("/lines/0/debit/amount").asText());
        assertEquals("USD", inDollars.at("/lines/0/debit/currency").asText());
        assertEquals("92.00", inDollars.at("/lines/0/functionalDebit/amount").asText());
        assertEquals("EUR", inDollars.at("/lines/0/functionalDebit/currency").asText());
        assertEquals("0.92", inDollars.get("rate").decimalValue().stripTrailingZeros().toPlainString());
        http.put("/api/v1/exchange-rates", "[{\"currency\":\"USD\",\"date\":\"2026-03-31\",\"rate\":0.95}]", null);
        Http.Reply revalued = http.post("/api/v1/fx-revaluations", "{\"asOf\":\"2026-03-31\"}");
        assertEquals(revalued.body(), 201, revalued.status());
        assertEquals("3.00", revalued.json().at("/currencies/0/difference/amount").asText());
        assertEquals(2, http.get("/api/v1/journal?reference=REVAL-2026-03-31").json().size());
        assertProblem(http.post("/api/v1/fx-revaluations", "{}"), 400, "asOf");
    }

    @Test
    public void discountsPaymentNumbersStatementsAndInvoiceOrderOverHttp() {
        String customer = http.post("/api/v1/customers", "{\"name\":\"Skonto KG\",\"currency\":\"EUR\"}").json()
                .get("id").asText();
        assertEquals(200, http.put("/api/v1/payment-terms/SKONTO", "{\"name\":\"3 % in 14 days, net 30\","
                + "\"notation\":\"3%/14 NET30\"}", null).status());
        List<String> numbers = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String draft = http.post("/api/v1/invoices", "{\"orderId\":\"SO-SKONTO-" + i + "\",\"customerId\":\""
                    + customer + "\",\"currency\":\"EUR\",\"orderDate\":\"2026-06-01\",\"termsCode\":\"SKONTO\","
                    + "\"lines\":[{\"product\":\"KIT\",\"quantity\":1,\"unitPrice\":100.00,\"taxRate\":19}]}").json()
                    .get("id").asText();
            JsonNode issued = http.post("/api/v1/invoices/" + draft + "/issue", "{\"issueDate\":\"2026-06-01\"}").json();
            assertEquals("3.57", issued.at("/installments/0/discountAmount/amount").asText());
            numbers.add(issued.get("number").asText());
            ids.add(draft);
        }

        JsonNode newestFirst = http.get("/api/v1/invoices?customerId=" + customer).json();
        assertEquals(numbers.get(1), newestFirst.at("/items/0/number").asText());
        assertEquals(numbers.get(0), http.get("/api/v1/invoices?customerId=" + customer + "&sort=number").json()
                .at("/items/0/number").asText());
        assertProblem(http.get("/api/v1/invoices?sort=price"), 400, "sort");

        assertProblem(http.postWithKey("/api/v1/payments", "{\"customerId\":\"" + customer + "\",\"method\":\"CASH\","
                + "\"amount\":10.00,\"currency\":\"EUR\",\"valueDate\":\"2026-06-05\",\"allocateTo\":[{\"invoiceId\":\""
                + ids.get(0) + "\",\"installment\":2}]}", "no-such-installment"), 400, "allocateTo[0].installment");

        Http.Reply paid = http.postWithKey("/api/v1/payments", "{\"customerId\":\"" + customer + "\",\"method\":"
                + "\"BANK_TRANSFER\",\"amount\":115.43,\"currency\":\"EUR\",\"valueDate\":\"2026-06-15\","
                + "\"allocateTo\":[{\"invoiceId\":\"" + ids.get(0) + "\",\"amount\":115.43}]}", "skonto-1");
        assertEquals(paid.body(), 201, paid.status());
        String paymentNumber = paid.json().get("number").asText();
        assertTrue(paymentNumber, paymentNumber.matches("PAY-2026-\\d{6}"));
        assertEquals("PAID", http.get("/api/v1/invoices/" + ids.get(0)).json().get("status").asText());
        JsonNode discount = http.get("/api/v1/journal?reference=" + numbers.get(0)).json().get(1);
        assertEquals("CASH_DISCOUNT_TAKEN", discount.get("kind").asText());
        assertEquals("3.57", discount.at("/lines/0/debit/amount").asText());
        assertEquals("PAYMENT_RECEIVED", http.get("/api/v1/journal?reference=" + paymentNumber).json()
                .at("/0/kind").asText());

        JsonNode statement = http.get("/api/v1/customers/" + customer + "/statement?from=2026-06-01&to=2026-06-30").json();
        assertEquals("EUR", statement.get("currency").asText());
        assertEquals("CASH_DISCOUNT", statement.at("/movements/3/kind").asText());
        assertEquals(paymentNumber, statement.at("/movements/2/reference").asText());
        assertEquals("119.00", statement.at("/closingBalance/amount").asText());
        Http.Reply byDefault = http.get("/api/v1/customers/" + customer + "/statement");
        assertEquals(byDefault.body(), 200, byDefault.status());
        assertEquals("EUR", byDefault.json().get("currency").asText());

        JsonNode openItems = http.get("/api/v1/customers/" + customer + "/open-items?asOf=2026-06-10").json();
        assertEquals("2026-06-15", openItems.at("/0/discountUntil").asText());
        JsonNode aging = http.get("/api/v1/reports/aging?asOf=2026-06-10").json();
        assertTrue(aging.toString(), aging.at("/buckets/0/fromDays").isNull());
        assertEquals(0, aging.at("/buckets/0/toDays").asInt());
    }

    private long customerCount() {
        return http.get("/api/v1/customers?size=1").json().get("totalItems").asLong();
    }

    private static void assertProblem(Http.Reply reply, int status, String field) {
        assertEquals(reply.body(), status, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        JsonNode problem = reply.json();
        assertEquals(status, problem.get("status").asInt());
        assertTrue(reply.body(), problem.hasNonNull("title") && problem.hasNonNull("detail"));
        assertTrue("no stack trace: " + reply.body(), !reply.body().contains("Exception") && !reply.body().contains("\tat "));
        if (field != null) {
            assertEquals(reply.body(), field, problem.at("/errors/0/field").asText());
        }
    }

    private static JsonNode bundle(JsonNode health, String name) {
        for (JsonNode bundle : health.get("bundles")) {
            if (bundle.get("symbolicName").asText().equals(name)) {
                return bundle;
            }
        }
        return null;
    }

}
