package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * The optional RabbitMQ bundle in the reference host, against the RabbitMQ server at 127.0.0.1:5672 (guest/guest):
 * without configuration it is active, publishes nothing and the host is healthy; configured with its password in
 * plain text, the password is sealed where ConfigAdmin stores it (its properties and its file), and the publisher,
 * given the password opened, delivers an issued invoice's event to the configured exchange.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RabbitEventsIT extends InReferenceHost {

    private static final String BUNDLE = "receivables.events.rabbitmq";
    private static final String PUBLISHER = "(component.name=receivables.events.rabbitmq.internal.RabbitEventPublisher)";
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    public RabbitEventsIT() {
        super("rabbit-events");
    }

    @Test
    public void unconfiguredItDoesNothingConfiguredItsPasswordIsSealedAndItsEventsArrive() throws Exception {
        JsonNode health = http.get("/api/v1/health").json();
        assertEquals(health.toString(), "UP", health.get("status").asText());
        assertTrue(health.toString(), health.toString().contains("{\"symbolicName\":\"" + BUNDLE + "\""));
        assertEquals(Bundle.ACTIVE, bundle(BUNDLE).getState());
        assertNull("no publisher without a configuration",
                context.getServiceReferences("org.osgi.service.event.EventHandler", PUBLISHER));

        String exchange = "receivables-it-" + UUID.randomUUID();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672/%2F");
        try (Connection connection = factory.newConnection("receivables-it")) {
            Channel consumer = connection.createChannel();
            consumer.exchangeDeclare(exchange, "topic", true);
            String queue = consumer.queueDeclare().getQueue();
            consumer.queueBind(queue, exchange, Http.DEFAULT_TENANT + ".receivables.invoice.#");
            Configuration bus = configurationAdmin.getFactoryConfiguration(BUNDLE, "it", "?");
            try {
                bus.update(new Hashtable<>(Map.of("uri", "amqp://127.0.0.1:5672/%2F", "username", "guest",
                        "password", "guest", "exchange", exchange)));

                String stored = await(() -> {
                    Object password = stored(bus.getPid()).get("password");
                    return password != null && password.toString().startsWith("{sealed}") ? password.toString() : null;
                });
                assertFalse(stored, stored.contains("guest"));
                String line = await(() -> passwordLine(bus.getPid()));
                assertTrue(line, line.contains("sealed"));
                assertFalse(line, line.contains("guest"));
                await(() -> context.getServiceReferences("org.osgi.service.event.EventHandler", PUBLISHER));

                String number = issuedInvoice();
                GetResponse message = await(() -> consumer.basicGet(queue, true));
                assertEquals(Http.DEFAULT_TENANT + ".receivables.invoice.ISSUED", message.getEnvelope().getRoutingKey());
                JsonNode body = JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
                assertEquals(body.toString(), number, body.at("/data/invoiceNumber").asText());
                assertEquals(Http.DEFAULT_TENANT, body.get("tenant").asText());
                assertEquals("UP", http.get("/api/v1/health").json().get("status").asText());
            } finally {
                bus.delete();
                consumer.exchangeDelete(exchange);
            }
        }
    }

    private String issuedInvoice() {
        String customer = http.post("/api/v1/customers", "{\"name\":\"Bus Ltd\",\"currency\":\"EUR\"}").json().get("id")
                .asText();
        String invoice = http.post("/api/v1/invoices", "{\"orderId\":\"SO-BUS-1\",\"customerId\":\"" + customer
                + "\",\"currency\":\"EUR\",\"orderDate\":\"2026-03-01\",\"lines\":[{\"product\":\"CRATE\","
                + "\"quantity\":1,\"unitPrice\":100}]}").json().get("id").asText();
        JsonNode issued = http.post("/api/v1/invoices/" + invoice + "/issue", "{\"issueDate\":\"2026-03-02\"}").json();
        assertEquals(issued.toString(), "ISSUED", issued.get("status").asText());
        return issued.get("number").asText();
    }

    private Dictionary<String, Object> stored(String pid) throws Exception {
        Configuration[] found = configurationAdmin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
        assertNotNull(pid, found);
        return found[0].getProperties();
    }

    /** The password line of the file in which ConfigAdmin keeps the configuration; null until there is one. */
    private String passwordLine(String pid) {
        File area = context.getServiceReference(ConfigurationAdmin.class).getBundle().getDataFile("");
        try (Stream<Path> files = Files.walk(area.toPath())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                if (lines.stream().anyMatch(line -> line.contains(pid))) {
                    return lines.stream().filter(line -> line.startsWith("password=")).findFirst().orElse(null);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }

    private interface Probe<T> {
        T value() throws Exception;
    }

    /** The first non-null value within {@link #DEADLINE}. */
    private static <T> T await(Probe<T> probe) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            T value = probe.value();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("nothing within " + DEADLINE);
            }
            Http.sleep(100);
        }
    }
}
