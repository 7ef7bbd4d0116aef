package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two reference hosts on one PostgreSQL, each started with {@code java -jar}. One is killed with SIGKILL in the
 * middle of a billing run, and later of a statement import; the other takes each over once its lease runs out and
 * finishes it: every order invoiced once with gap-free numbers, every statement line imported once, and the file
 * gone from the database. Both look for the day's dunning run every second: it runs once, one notice per customer.
 */
public class ClusterTakeoverIT {

    private static final String HOST_KEY = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORDERS = 8_000;
    private static final int LINES = 20_000;
    private static final Duration FINISH = Duration.ofSeconds(180);
    private static final int DUNNED = 12;

    private String schema;
    private HostProcess first;
    private HostProcess second;

    @Before
    public void twoHostsOnOnePostgres() throws Exception {
        assumeTrue(TestPostgres.UNREACHABLE, TestPostgres.reachable());
        schema = TestPostgres.createSchema();
        first = host("first");
        second = host("second");
        first.start();
        second.start();
    }

    @After
    public void stopHosts() throws Exception {
        for (HostProcess host : new HostProcess[] { first, second }) {
            if (host != null) {
                host.kill();
            }
        }
        if (schema != null) {
            TestPostgres.dropSchema(schema);
        }
    }

    @Test
    public void aKilledHostsBillingRunAndImportAreFinishedByTheOtherOnce() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            customers.add(JSON.readTree(post(first, "/api/v1/customers", "application/json",
                    "{\"name\":\"Cluster Customer " + i + "\",\"currency\":\"EUR\"}", 201)).get("id").asText());
        }
        StringBuilder orders = new StringBuilder("{\"issueDate\":\"2026-03-05\",\"orders\":[");
        for (int i = 0; i < ORDERS; i++) {
            orders.append(i == 0 ? "" : ",").append("{\"orderId\":\"SO-CL-").append(i).append("\",\"customerId\":\"")
                    .append(customers.get(i % customers.size())).append("\",\"currency\":\"EUR\",")
                    .append("\"orderDate\":\"2026-03-01\",\"lines\":[{\"product\":\"CUP\",\"quantity\":1,")
                    .append("\"unitPrice\":10.00}]}");
        }
        String run = JSON.readTree(post(first, "/api/v1/billing-runs", "application/json", orders.append("]}").toString(),
                202)).get("id").asText();

        first.await("/api/v1/billing-runs/" + run, node -> node.get("done").asInt() > 0, Duration.ofSeconds(60));
        first.kill();
        JsonNode billed = second.await("/api/v1/billing-runs/" + run,
                node -> !node.get("status").asText().equals("RUNNING"), FINISH);

        assertEquals(billed.toString(), "COMPLETED", billed.get("status").asText());
        assertEquals(billed.toString(), ORDERS, billed.get("done").asInt());
        assertEquals(billed.toString(), 0, billed.get("failed").asInt());
        assertEquals("every order invoiced once", List.of((long) ORDERS, (long) ORDERS),
                longs("select count(*), count(distinct order_id) from invoice where order_id like 'SO-CL-%'"));
        assertEquals("invoice numbers 1 to " + ORDERS + ", none missing, none twice", List.of((long) ORDERS,
                (long) ORDERS, 1L, (long) ORDERS), longs("select count(*), count(distinct invoice_number),"
                        + " min(cast(substring(invoice_number from 10) as bigint)),"
                        + " max(cast(substring(invoice_number from 10) as bigint)) from invoice"));
        assertEquals("the run's orders are no longer kept", List.of(0L), longs("select count(*) from billing_run_batch"));

        first.start();
        String statement = mt940(LINES);
        String imported = JSON.readTree(post(first, "/api/v1/bank-statements", "text/plain", statement, 202))
                .get("id").asText();
        first.await("/api/v1/bank-statements/" + imported, node -> node.get("linesRead").asLong() > 0,
                Duration.ofSeconds(60));
        first.kill();
        JsonNode done = second.await("/api/v1/bank-statements/" + imported,
                node -> !node.get("status").asText().equals("RUNNING"), FINISH);

        assertEquals(done.toString(), "COMPLETED", done.get("status").asText());
        assertEquals(done.toString(), LINES, done.get("linesRead").asLong());
        assertEquals(done.toString(), 0, done.get("duplicates").asLong());
        assertEquals(done.toString(), LINES, done.get("matched").asLong() + done.get("suspended").asLong());
        assertEquals("every line imported once", List.of((long) LINES, (long) LINES),
                longs("select count(*), count(distinct line_key) from bank_statement_line"));
        assertEquals("every line of the file, no more, no less, paid or in suspense", List.of(new BigDecimal(LINES)
                .multiply(new BigDecimal("1.01")).longValue() * 100), longs("select cast(sum(amount) * 100 as bigint)"
                        + " from bank_statement_line"));
        assertEquals("the file is no longer kept", List.of(0L), longs("select count(*) from bank_statement_upload"));
    }

    @Test
    public void bothHostsSweepForTheDailyDunningRunAndItRunsOnce() throws Exception {
        for (int i = 0; i < DUNNED; i++) {
            String customer = JSON.readTree(post(first, "/api/v1/customers", "application/json",
                    "{\"name\":\"Dunned Customer " + i + "\",\"currency\":\"EUR\"}", 201)).get("id").asText();
            first.issueInvoice(customer, "SO-DUN-" + i, LocalDate.now().minusDays(40));
        }
        HttpResponse<String> policy = first.send("PUT", "/api/v1/dunning/policies/STANDARD", "{\"name\":\"Standard\","
                + "\"language\":\"en\",\"tenantDefault\":true,\"chargeTermsCode\":\"NET14\","
                + "\"levels\":[{\"days\":7,\"fee\":5}]}");
        assertEquals(policy.body(), 200, policy.statusCode());

        // Due from midnight on, and both hosts look for a due run every second from now: they race for it.
        HttpResponse<String> schedule = second.send("PUT", "/api/v1/dunning/schedule",
                "{\"enabled\":true,\"runAt\":\"00:00\"}");
        assertEquals(schedule.body(), 200, schedule.statusCode());
        for (HostProcess host : new HostProcess[] { first, second }) {
            Files.writeString(host.directory().resolve("etc/receivables.dunning.cfg"), "sweepSeconds=1\n");
        }
        String today = LocalDate.now(ZoneId.of(JSON.readTree(schedule.body()).get("zone").asText())).toString();
        JsonNode run = first.await("/api/v1/dunning/runs/" + today,
                node -> node.path("status").asText().equals("COMPLETED"), FINISH);

        assertEquals(run.toString(), DUNNED, run.get("notices").asInt());
        assertEquals("one run of the day", List.of(1L), longs("select count(*) from dunning_run"));
        assertEquals("one notice per customer", List.of((long) DUNNED, (long) DUNNED),
                longs("select count(*), count(distinct customer_id) from dunning_notice"));
        assertEquals("one fee per notice", List.of((long) DUNNED, (long) DUNNED), longs("select count(*),"
                + " count(distinct notice_id) from dunning_charge where kind = 'DUNNING_FEE'"));
        assertEquals("both hosts see the one run", run, JSON.readTree(second.send("GET", "/api/v1/dunning/runs/"
                + today, null).body()));
    }

    /** An MT940 statement of {@code lines} credits of 1.01 EUR, none naming an invoice. */
    private static String mt940(int lines) {
        StringBuilder file = new StringBuilder(String.join("\r\n", ":20:CLUSTER-1", ":25:DE89370400440532013000",
                ":28C:00001/001", ":60F:C260310EUR0,00")).append("\r\n");
        for (int i = 0; i < lines; i++) {
            file.append(":61:2603120312C1,01NTRFNONREF//CL-").append(i).append("\r\n:86:transfer number ").append(i)
                    .append("\r\n");
        }
        return file.append(":62F:C260312EUR").append(new BigDecimal(lines).multiply(new BigDecimal("1.01"))
                .toPlainString().replace('.', ',')).append("\r\n-").toString();
    }

    private HostProcess host(String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "it", "cluster-" + name + "-" + UUID.randomUUID())
                .toAbsolutePath());
        // Nodes of one installation share its host key: what one seals (personal data, secrets) the other opens.
        HostProcess host = new HostProcess(directory, Map.of("RECEIVABLES_DB_URL", TestPostgres.url(schema),
                "RECEIVABLES_DB_USER", TestPostgres.USER, "RECEIVABLES_SECRET_KEY", HOST_KEY));
        Files.writeString(directory.resolve("etc/receivables.background.cfg"),
                "leaseSeconds=4\nheartbeatSeconds=1\nnodeName=" + name + "\n");
        Files.writeString(directory.resolve("etc/receivables.limits.cfg"), "maxBodyBytes=16777216\n");
        // No dunning run starts while a test sets up what it dunns; the dunning test then lets the sweep begin.
        Files.writeString(directory.resolve("etc/receivables.dunning.cfg"), "sweepSeconds=3600\n");
        return host;
    }

    private static String post(HostProcess host, String path, String type, String body, int status) throws Exception {
        HttpResponse<String> reply = host.send(host.request(path).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(reply.body(), status, reply.statusCode());
        return reply.body();
    }

    private List<Long> longs(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestPostgres.url(schema), TestPostgres.USER, "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            assertTrue(row.next());
            List<Long> values = new ArrayList<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                values.add(row.getLong(i));
            }
            return values;
        }
    }
}
