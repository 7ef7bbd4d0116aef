package receivables.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import receivables.itest.HostileValues.Call;
import receivables.itest.HostileValues.Known;
import receivables.itest.RestEndpoints.Endpoint;

/**
 * Bad input never gets a 5xx: hostile values in every field and parameter of every endpoint of the REST API
 * (enumerated from the host as shipped, {@link RestEndpoints}), sent over HTTP to the reference host started as
 * {@code java -jar receivables.jar}, on the embedded H2 and on PostgreSQL, and the findings of issue 9 each
 * answered with a 400 naming the field and nothing stored.
 *
 * <p>It runs against the real host rather than the Jersey application in-process: one request takes a few
 * milliseconds there, so a thousand tries per database fit in well under a minute, and what is tested is what
 * ships (Jetty, the whiteboard, every filter and provider), not a copy of its wiring.
 */
class HostileInputIT {

    private static final int TRIES = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<Endpoint> ENDPOINTS = RestEndpoints.of(
            Path.of(System.getProperty("receivables.runtime.dir", "target/runtime")));
    private static final Map<String, RunningHost> HOSTS = new ConcurrentHashMap<>();

    /** A host with its data: a customer, an issued invoice and a payment allocated to it. */
    private record RunningHost(HostProcess process, Known known, String schema) {
    }

    /** Skips a test on PostgreSQL, reported as skipped, when the server is not reachable. */
    static class PostgresReachable implements SkipExecutionHook {

        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return TestPostgres.reachable() ? SkipResult.doNotSkip() : SkipResult.skip(TestPostgres.UNREACHABLE);
        }
    }

    @Example
    void everyEndpointOfTheHostIsEnumerated() {
        List<String> found = ENDPOINTS.stream().map(Endpoint::toString).toList();

        assertThat(found).contains("POST /api/v1/payments", "GET /api/v1/customers/{id}", "PUT /api/v1/exchange-rates",
                "POST /api/v1/payments/notifications/{provider}", "POST /api/v1/bank-statements", "GET /api/v1/health");
        assertThat(found).hasSizeGreaterThan(50);
    }

    @Property(tries = TRIES)
    void noRequestGetsA5xxOnH2(@ForAll("calls") Call call) {
        assertNoServerError(host("h2"), call);
    }

    @Property(tries = TRIES)
    @AddLifecycleHook(PostgresReachable.class)
    void noRequestGetsA5xxOnPostgres(@ForAll("calls") Call call) {
        assertNoServerError(host("postgres"), call);
    }

    @Example
    void theFindingsOfIssue9AreRefusedNamingTheFieldOnH2() throws Exception {
        findingsAreRefused(host("h2"));
    }

    @Example
    @AddLifecycleHook(PostgresReachable.class)
    void theFindingsOfIssue9AreRefusedNamingTheFieldOnPostgres() throws Exception {
        findingsAreRefused(host("postgres"));
    }

    @Provide
    Arbitrary<Call> calls() {
        // The known ids differ per host: calls carry placeholders, replaced by the ids of the host they go to.
        return Arbitraries.of(ENDPOINTS).flatMap(endpoint -> HostileValues.calls(endpoint, Known.PLACEHOLDERS));
    }

    @AfterContainer
    static void stopHosts() throws Exception {
        for (RunningHost host : HOSTS.values()) {
            host.process().stop();
            if (host.schema() != null) {
                TestPostgres.dropSchema(host.schema());
            }
        }
        HOSTS.clear();
    }

    private static void assertNoServerError(RunningHost host, Call call) {
        HttpResponse<String> response = send(host, call.withIds(host.known()));
        assertThat(response.statusCode()).as("%s answered %s", call, response.body()).isLessThan(500);
        assertThat(response.body()).as("%s", call).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Each value issue 9 found answered with a 500: now a 400 naming its field, and nothing stored. */
    private static void findingsAreRefused(RunningHost host) throws Exception {
        Known known = host.known();
        String statement = statementOf(host, known.customerId());
        String payment = "{\"customerId\":\"" + known.customerId() + "\",\"method\":\"CASH\",\"currency\":\"EUR\","
                + "\"amount\":%s,\"payerReference\":%s,\"valueDate\":%s}";
        assertRefused(host, "POST", "/api/v1/payments", payment.formatted("1000000000000000", "null", "null"), "amount");
        assertRefused(host, "POST", "/api/v1/payments", payment.formatted("1e999999999", "null", "null"), "amount");
        assertRefused(host, "POST", "/api/v1/payments", payment.formatted("10.00", "\"a\\u0000b\"", "null"),
                "payerReference");
        assertRefused(host, "POST", "/api/v1/payments", payment.formatted("10.00", "\"a\\ud800b\"", "null"),
                "payerReference");
        assertRefused(host, "POST", "/api/v1/payments", payment.formatted("10.00", "null", "\"+10000-01-01\""),
                "valueDate");
        assertRefused(host, "POST", "/api/v1/payments", payment.formatted("10.00", "null", "\"-0001-12-31\""),
                "valueDate");
        assertThat(statementOf(host, known.customerId())).as("nothing stored").isEqualTo(statement);
        // A decimal string is an amount like any other.
        HttpResponse<String> asString = send(host, "POST", "/api/v1/payments", payment.formatted("\"1000.00\"", "null",
                "\"2026-03-10\""));
        assertThat(asString.statusCode()).as(asString.body()).isEqualTo(201);
        assertThat(asString.body()).contains("\"amount\":{\"amount\":1000.00,\"currency\":\"EUR\"}");

        assertRefused(host, "GET", "/api/v1/customers?page=2147483647", null, "page");
        assertRefused(host, "GET", "/api/v1/customers?name=a%00b", null, "name");
        assertRefused(host, "GET", "/api/v1/reports/aging?asOf=%2B10000-01-01", null, "asOf");
        assertRefused(host, "GET", "/api/v1/reports/aging?buckets=30,2147483647", null, "buckets");
        assertRefused(host, "GET", "/api/v1/reports/receivables?by=region", null, "by");
        assertRefused(host, "GET", "/api/v1/reports/receivables?by=product&format=pdf", null, "format");
        assertRefused(host, "GET", "/api/v1/reports/receivables?asOf=2026-02-30&format=xlsx", null, "asOf");
        assertRefused(host, "GET", "/api/v1/reports/receivables?buckets=90,30&format=csv", null, "buckets");
        assertRefused(host, "GET", "/api/v1/reports/collections?from=2026-03-01&to=2026-02-01", null, "to");
        assertRefused(host, "GET", "/api/v1/reports/collections?from=1900-01-01&to=2026-02-01", null, "to");
        assertRefused(host, "GET", "/api/v1/reports/collections?from=%27%3B--&to=2026-02-01", null, "from");
        assertRefused(host, "GET", "/api/v1/reports/kpis?months=2147483648", null, "months");
        assertRefused(host, "GET", "/api/v1/reports/kpis?months=0", null, "months");
        assertRefused(host, "GET", "/api/v1/reports/cash-forecast?asOf=31.03.2026", null, "asOf");
        assertRefused(host, "GET", "/api/v1/reports/cash-forecast?format=json%00", null, "format");
        assertRefused(host, "GET", "/api/v1/reports/cash-forecast/back-test?asOf=9999-12-31", null, "asOf");
        assertRefused(host, "POST", "/api/v1/gl-exports", "{\"sink\":\"sap\",\"period\":\"0000-12\"}", "period");
        assertRefused(host, "POST", "/api/v1/gl-exports", "{\"sink\":\"sap\",\"period\":\"2026-13\"}", "period");
        assertRefused(host, "POST", "/api/v1/gl-exports", "{\"sink\":\"../etc\",\"period\":\"2026-01\"}", "sink");
        assertRefused(host, "POST", "/api/v1/customers", "{\"name\":\"Acme\",\"currency\":\"XXX\"}", "currency");
        assertRefused(host, "POST", "/api/v1/customers", "{\"name\":\"A\\u0000\",\"currency\":\"EUR\"}", "name");
        HttpResponse<String> creditLimit = send(host, "POST", "/api/v1/customers",
                "{\"name\":\"Scale Ltd\",\"currency\":\"EUR\",\"creditLimit\":\"1000\"}");
        assertThat(creditLimit.statusCode()).as(creditLimit.body()).isEqualTo(201);
        assertThat(creditLimit.body()).contains("\"creditLimit\":1000.00");

        // The notification endpoint is open to payment channels for POST only; a GET without credentials under its
        // path reaches nothing (it answered 500 when the tenant filter let it through by its path).
        HttpResponse<String> anonymous = CLIENT.send(HttpRequest.newBuilder(URI.create(host.process().base()
                + "/api/v1/payments/notifications/wallet?tenant=default")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as(anonymous.body()).isIn(401, 405);
    }

    private static void assertRefused(RunningHost host, String method, String path, String body, String field)
            throws IOException {
        HttpResponse<String> response = send(host, method, path, body);
        assertThat(response.statusCode()).as("%s %s %s: %s", method, path, body, response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body()).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).as(response.body()).contains(field);
    }

    /** The customer's statement around today: any payment stored for the customer changes it. */
    private static String statementOf(RunningHost host, String customer) {
        HttpResponse<String> statement = send(host, "GET", "/api/v1/customers/" + customer
                + "/statement?currency=EUR&from=2020-01-01&to=2029-12-31", null);
        assertThat(statement.statusCode()).as(statement.body()).isEqualTo(200);
        return statement.body();
    }

    private static RunningHost host(String database) {
        return HOSTS.computeIfAbsent(database, HostileInputIT::start);
    }

    private static RunningHost start(String database) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "it", "hostile-" + database + "-" + UUID.randomUUID())
                    .toAbsolutePath());
            String schema = null;
            Map<String, String> environment = Map.of();
            if (database.equals("postgres")) {
                schema = TestPostgres.createSchema();
                environment = Map.of("RECEIVABLES_DB_URL", TestPostgres.url(schema), "RECEIVABLES_DB_USER",
                        TestPostgres.USER);
            }
            HostProcess process = new HostProcess(directory, environment);
            process.start();
            RunningHost bare = new RunningHost(process, null, schema);
            return new RunningHost(process, seed(bare), schema);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("the host on " + database + " did not start", e);
        }
    }

    /** A customer, an issued invoice and a payment allocated to it, so that hostile values meet real records. */
    private static Known seed(RunningHost host) throws IOException {
        String customer = JSON.readTree(send(host, "POST", "/api/v1/customers",
                "{\"name\":\"Hostile Input Ltd\",\"currency\":\"EUR\"}").body()).get("id").asText();
        String invoice = JSON.readTree(send(host, "POST", "/api/v1/invoices", "{\"orderId\":\"SO-HOSTILE-1\","
                + "\"customerId\":\"" + customer + "\",\"currency\":\"EUR\",\"orderDate\":\"2026-03-01\","
                + "\"lines\":[{\"product\":\"BOX\",\"quantity\":2,\"unitPrice\":100.00,\"taxRate\":19}]}").body())
                .get("id").asText();
        send(host, "POST", "/api/v1/invoices/" + invoice + "/issue", "{\"issueDate\":\"2026-03-02\"}");
        JsonNode payment = JSON.readTree(send(host, "POST", "/api/v1/payments", "{\"customerId\":\"" + customer
                + "\",\"method\":\"BANK_TRANSFER\",\"currency\":\"EUR\",\"amount\":150.00,\"valueDate\":\"2026-03-05\","
                + "\"allocateTo\":[{\"invoiceId\":\"" + invoice + "\",\"amount\":100.00}]}").body());
        String paymentId = payment.get("id").asText();
        String allocation = payment.at("/allocations/0/id").asText();
        return new Known(List.of(customer, invoice, paymentId, allocation), customer, invoice, paymentId, allocation);
    }

    private static HttpResponse<String> send(RunningHost host, String method, String path, String body) {
        return send(host, new Call(method, path, Map.of("Idempotency-Key", "k-" + UUID.randomUUID()),
                "application/json", body));
    }

    private static HttpResponse<String> send(RunningHost host, Call call) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(host.process().base() + call.pathAndQuery()))
                    .timeout(Duration.ofSeconds(30))
                    .header("X-Tenant", Http.DEFAULT_TENANT)
                    .header("Authorization", "Bearer " + Http.DEFAULT_KEY)
                    .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
            if (call.body() != null) {
                request.header("Content-Type", call.contentType());
            }
            call.headers().forEach(request::header);
        } catch (IllegalArgumentException unsendable) {
            // The HTTP client itself refuses some hostile headers and URIs; no server ever sees them.
            Assume.that(false);
            throw unsendable;
        }
        try {
            try {
                return CLIENT.send(request.build(), Http::bodyUnlessStream);
            } catch (IOException staleConnection) {
                // The host closes a connection after refusing a body it did not read (413) or a request line it
                // cannot parse (a %00 in the path: Jetty's 400); the client may have picked that connection from
                // its pool already, or the close may reset the connection before the client read the answer. Again
                // on connections of their own, a few times: a host that never answers still fails every one.
                IOException last = staleConnection;
                for (int attempt = 0; attempt < 3; attempt++) {
                    try {
                        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                                .send(request.build(), Http::bodyUnlessStream);
                    } catch (IOException again) {
                        last = again;
                    }
                }
                throw last;
            }
        } catch (IOException e) {
            throw new AssertionError(call + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}
