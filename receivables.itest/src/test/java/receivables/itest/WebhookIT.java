package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import receivables.testkit.StandardWebhooks;

/**
 * The exported host, started with {@code java -jar}, sending webhooks to a receiver in this JVM that checks every
 * delivery the way an integrator's does ({@link StandardWebhooks}, written from the Standard Webhooks specification):
 * a hostile URL is refused as a problem naming the field; a subscription's secret is shown once; an invoice issued a
 * month ago is delivered as issued and, after the overdue sweep, as overdue, each correctly signed, and the alert is
 * also on the live-event stream; a delivery the receiver refuses survives a killed host and arrives after the
 * restart, under the same id and again correctly signed; the log shows every attempt, and a replay sends it again.
 */
public class WebhookIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private record Received(String id, String timestamp, String signature, String body, Instant at) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int answer = 200;

    @Test
    public void eventsReachTheSubscriberSignedAtLeastOnceAcrossARestart() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "it", "webhook-" + UUID.randomUUID()).toAbsolutePath());
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), Instant.now()));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.start();
        try (HostProcess host = new HostProcess(directory, Map.of())) {
            Files.writeString(directory.resolve("etc/receivables.webhooks.config"),
                    "allowPrivateNetworks=B\"true\"\npollMillis=I\"200\"\nfirstRetrySeconds=I\"1\"\n");
            Files.writeString(directory.resolve("etc/receivables.alerts.overdue.config"), "sweepSeconds=I\"1\"\n");
            host.start();

            HttpResponse<String> hostile = host.send("POST", "/api/v1/webhooks",
                    "{\"url\":\"file:///etc/passwd\",\"eventTypes\":[\"*\"]}");
            assertEquals(hostile.body(), 400, hostile.statusCode());
            assertTrue(hostile.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals("url", JSON.readTree(hostile.body()).get("errors").get(0).get("field").asText());

            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            HttpResponse<String> made = host.send("POST", "/api/v1/webhooks", "{\"url\":\"" + url + "\","
                    + "\"eventTypes\":[\"receivables/invoice/ISSUED\",\"receivables/installment/OVERDUE\"]}");
            assertEquals(made.body(), 201, made.statusCode());
            assertEquals("no-store", made.headers().firstValue("Cache-Control").orElse(""));
            String secret = JSON.readTree(made.body()).get("secret").asText();
            String subscription = JSON.readTree(made.body()).get("subscription").get("id").asText();
            assertFalse(host.send("GET", "/api/v1/webhooks", null).body().contains(secret));

            List<String> stream = new CopyOnWriteArrayList<>();
            HttpClient.newHttpClient().sendAsync(host.request("/api/v1/events").header("Accept", "text/event-stream")
                    .GET().build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(stream::add));
            until(() -> stream.stream().anyMatch(line -> line.startsWith("event: ready")));

            String customer = JSON.readTree(host.send("POST", "/api/v1/customers",
                    "{\"name\":\"Hooked Ltd\",\"currency\":\"EUR\"}").body()).get("id").asText();
            String first = host.issueInvoice(customer, "SO-HOOK-1", LocalDate.now().minusDays(30));
            until(() -> received.size() >= 2);
            for (Received delivery : received) {
                assertTrue(delivery.body(), verify(secret, delivery));
            }
            assertFalse("another secret does not verify", verify("whsec_" + Base64.getEncoder()
                    .encodeToString(new byte[32]), received.get(0)));
            assertTrue(received.stream().anyMatch(r -> r.body().contains("\"receivables/invoice/ISSUED\"")
                    && r.body().contains(first)));
            assertTrue(received.stream().anyMatch(r -> r.body().contains("\"receivables/installment/OVERDUE\"")
                    && r.body().contains("\"daysOverdue\":1")));
            until(() -> stream.stream().anyMatch(line -> line.contains("receivables/installment/OVERDUE")));

            answer = 503;
            int before = received.size();
            host.issueInvoice(customer, "SO-HOOK-2", LocalDate.now());
            // Killed only once the refused attempt is recorded: an attempt whose outcome dies with the host is
            // simply made again, and would not show among the attempts.
            until(() -> received.size() > before
                    && deliveries(host, subscription).get(0).get("attempts").path(0).path("statusCode").asInt() == 503);
            host.kill();
            answer = 200;
            host.start();
            until(() -> received.stream().skip(before).map(Received::id).distinct().count() == 1
                    && received.size() >= before + 2 && deliveries(host, subscription).get(0).get("status").asText()
                    .equals("DELIVERED"));
            JsonNode delivered = deliveries(host, subscription).get(0);
            JsonNode attempts = delivered.get("attempts");
            assertEquals(delivered.toString(), 503, attempts.get(0).get("statusCode").asInt());
            assertEquals(delivered.toString(), 200, attempts.get(attempts.size() - 1).get("statusCode").asInt());
            assertTrue(received.stream().skip(before).allMatch(r -> r.id().equals(delivered.get("id").asText())));
            for (Received delivery : received) {
                assertTrue("signed across the restart: " + delivery.body(), verify(secret, delivery));
            }

            int beforeReplay = received.size();
            HttpResponse<String> replay = host.send("POST", "/api/v1/webhooks/deliveries/" + delivered.get("id").asText()
                    + "/replay", null);
            assertEquals(replay.body(), 202, replay.statusCode());
            until(() -> received.size() > beforeReplay);
            assertEquals(delivered.get("id").asText(), received.get(received.size() - 1).id());
            assertTrue("the replay is signed afresh", verify(secret, received.get(received.size() - 1)));
            assertEquals(404, host.send("POST", "/api/v1/webhooks/deliveries/msg_none/replay", null).statusCode());
            assertEquals(204, host.send("DELETE", "/api/v1/webhooks/" + subscription, null).statusCode());
        } finally {
            receiver.stop(0);
        }
    }

    /** The receiver's check, as of when it received the delivery. */
    private static boolean verify(String secret, Received delivery) throws Exception {
        return StandardWebhooks.verify(secret, delivery.id(), delivery.timestamp(), delivery.signature(),
                delivery.body(), delivery.at());
    }

    private static JsonNode deliveries(HostProcess host, String subscription) {
        try {
            return JSON.readTree(host.send("GET", "/api/v1/webhooks/" + subscription + "/deliveries", null).body())
                    .get("items");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void until(BooleanSupplier done) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not done within " + DEADLINE);
            }
            Http.sleep(100);
        }
    }
}
