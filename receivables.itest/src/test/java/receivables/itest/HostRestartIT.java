package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The exported reference host, started with {@code java -jar}: healthy within 20 seconds, and a customer
 * created before a stop is still there after the next start, on the embedded H2 default and on PostgreSQL
 * configured either in etc/ (ConfigAdmin) or through the environment.
 */
public class HostRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    public void onTheEmbeddedDefaultACustomerOutlivesARestart() throws Exception {
        Path directory = workDirectory("h2");
        try (HostProcess host = new HostProcess(directory, Map.of())) {
            JsonNode health = restartKeepsCustomer(host);
            assertTrue(health.at("/database/product").asText().startsWith("H2"));
            assertTrue("the data lives in ./data", Files.exists(directory.resolve("data")));
        }
    }

    @Test
    public void onPostgresConfiguredInEtcACustomerOutlivesARestart() throws Exception {
        assumeTrue(TestPostgres.UNREACHABLE, TestPostgres.reachable());
        String schema = TestPostgres.createSchema();
        Path directory = workDirectory("pg-etc");
        try (HostProcess host = new HostProcess(directory, Map.of())) {
            Files.writeString(directory.resolve("etc/receivables.database.cfg"),
                    "url=" + TestPostgres.url(schema) + "\nuser=" + TestPostgres.USER + "\n");
            JsonNode health = restartKeepsCustomer(host);
            assertTrue(health.at("/database/product").asText().startsWith("PostgreSQL"));
            assertTrue("nothing written to the embedded database", !Files.exists(directory.resolve("data/receivables.mv.db")));
        } finally {
            TestPostgres.dropSchema(schema);
        }
    }

    @Test
    public void onPostgresNamedInTheEnvironmentACustomerOutlivesARestart() throws Exception {
        assumeTrue(TestPostgres.UNREACHABLE, TestPostgres.reachable());
        String schema = TestPostgres.createSchema();
        Path directory = workDirectory("pg-env");
        try (HostProcess host = new HostProcess(directory, Map.of("RECEIVABLES_DB_URL", TestPostgres.url(schema),
                "RECEIVABLES_DB_USER", TestPostgres.USER))) {
            JsonNode health = restartKeepsCustomer(host);
            assertTrue(health.at("/database/product").asText().startsWith("PostgreSQL"));
        } finally {
            TestPostgres.dropSchema(schema);
        }
    }

    private static JsonNode restartKeepsCustomer(HostProcess host) throws Exception {
        // How fast the host starts is the start-up benchmark's to say; here it only has to start (HostProcess waits).
        host.start();
        HttpResponse<String> created = host.send(host.request("/api/v1/customers")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Survivor Ltd\",\"currency\":\"GBP\"}")));
        assertEquals(created.body(), 201, created.statusCode());
        String id = JSON.readTree(created.body()).get("id").asText();
        host.stop();

        host.start();
        HttpResponse<String> read = host.send(host.request("/api/v1/customers/" + id).GET());
        assertEquals(read.body(), 200, read.statusCode());
        assertEquals("Survivor Ltd", JSON.readTree(read.body()).get("name").asText());
        JsonNode health = JSON.readTree(host.send(host.request("/api/v1/health").GET()).body());
        assertEquals("UP", health.get("status").asText());
        return health;
    }

    private static Path workDirectory(String name) throws Exception {
        return Files.createDirectories(Path.of("target", "it", "host-" + name + "-" + UUID.randomUUID()).toAbsolutePath());
    }

}
