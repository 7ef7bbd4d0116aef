package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The exported host, started with {@code java -jar}, sending webhooks to a receiver in this JVM: a hostile URL is
 * refused as a problem naming the field; a subscription's secret is shown once; an invoice issued a month ago is
 * delivered as issued and, after the overdue sweep, as overdue, each signed the Standard Webhooks way (checked here
 * from the specification) and also on the live-event stream; a delivery the receiver refuses survives a killed host
 * and arrives after the restart, under the same id; the log shows every attempt, and a replay sends it again.
 */
public class WebhookIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private record Received(String id, String timestamp, String signature, String body) {
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
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
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

            HttpResponse<String> hostile = send(host, "POST", "/api/v1/webhooks",
                    "{\"url\":\"file:///etc/passwd\",\"eventTypes\":[\"*\"]}");
            assertEquals(hostile.body(), 400, hostile.statusCode());
            assertTrue(hostile.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals("url", JSON.readTree(hostile.body()).get("errors").get(0).get("field").asText());

            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            HttpResponse<String> made = send(host, "POST", "/api/v1/webhooks", "{\"url\":\"" + url + "\","
                    + "\"eventTypes\":[\"receivables/invoice/ISSUED\",\"receivables/installment/OVERDUE\"]}");
            assertEquals(made.body(), 201, made.statusCode());
            assertEquals("no-store", made.headers().firstValue("Cache-Control").orElse(""));
            String secret = JSON.readTree(made.body()).get("secret").asText();
            String subscription = JSON.readTree(made.body()).get("subscription").get("id").asText();
            assertFalse(send(host, "GET", "/api/v1/webhooks", null).body().contains(secret));

            List<String> stream = new CopyOnWriteArrayList<>();
            HttpClient.newHttpClient().sendAsync(host.request("/api/v1/events").header("Accept", "text/event-stream")
                    .GET().build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(stream::add));
            until(() -> stream.stream().anyMatch(line -> line.startsWith("event: ready")));

            String customer = JSON.readTree(send(host, "POST", "/api/v1/customers",
                    "{\"name\":\"Hooked Ltd\",\"currency\":\"EUR\"}").body()).get("id").asText();
            String first = issue(host, customer, "SO-HOOK-1", LocalDate.now().minusDays(30));
            until(() -> received.size() >= 2);
            for (Received delivery : received) {
                assertTrue(delivery.body(), verify(secret, delivery));
            }
            assertTrue(received.stream().anyMatch(r -> r.body().contains("\"receivables/invoice/ISSUED\"")
                    && r.body().contains(first)));
            assertTrue(received.stream().anyMatch(r -> r.body().contains("\"receivables/installment/OVERDUE\"")
                    && r.body().contains("\"daysOverdue\":1")));
            until(() -> stream.stream().anyMatch(line -> line.contains("receivables/installment/OVERDUE")));

            answer = 503;
            int before = received.size();
            issue(host, customer, "SO-HOOK-2", LocalDate.now());
            until(() -> received.size() > before);
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

            int beforeReplay = received.size();
            HttpResponse<String> replay = send(host, "POST", "/api/v1/webhooks/deliveries/" + delivered.get("id").asText()
                    + "/replay", null);
            assertEquals(replay.body(), 202, replay.statusCode());
            until(() -> received.size() > beforeReplay);
            assertEquals(delivered.get("id").asText(), received.get(received.size() - 1).id());
            assertEquals(404, send(host, "POST", "/api/v1/webhooks/deliveries/msg_none/replay", null).statusCode());
            assertEquals(204, send(host, "DELETE", "/api/v1/webhooks/" + subscription, null).statusCode());
        } finally {
            receiver.stop(0);
        }
    }

    /** The Standard Webhooks check, from the specification: HMAC-SHA256 of id.timestamp.body under the whsec_ key. */
    private static boolean verify(String secret, Received delivery) throws Exception {
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(delivery.timestamp())) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
                .getBytes(StandardCharsets.UTF_8));
        for (String signature : delivery.signature().split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                    Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    private static String issue(HostProcess host, String customer, String order, LocalDate date) throws Exception {
        String invoice = JSON.readTree(send(host, "POST", "/api/v1/invoices", "{\"orderId\":\"" + order + "\","
                + "\"customerId\":\"" + customer + "\",\"currency\":\"EUR\",\"orderDate\":\"" + date + "\","
                + "\"termsCode\":\"NET14\",\"lines\":[{\"product\":\"TEA\",\"quantity\":1,\"unitPrice\":100,"
                + "\"taxRate\":19}]}").body()).get("id").asText();
        HttpResponse<String> issued = send(host, "POST", "/api/v1/invoices/" + invoice + "/issue",
                "{\"issueDate\":\"" + date + "\"}");
        assertEquals(issued.body(), 200, issued.statusCode());
        return JSON.readTree(issued.body()).get("number").asText();
    }

    private static JsonNode deliveries(HostProcess host, String subscription) {
        try {
            return JSON.readTree(send(host, "GET", "/api/v1/webhooks/" + subscription + "/deliveries", null).body())
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

    private static HttpResponse<String> send(HostProcess host, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = host.request(path);
        if (json == null) {
            return host.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return host.send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }
}
