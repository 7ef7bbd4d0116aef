package receivables.events.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.util.converter.Converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import receivables.api.EventTopics;

/**
 * Against the RabbitMQ server at 127.0.0.1:5672 (guest/guest): a queue of this test's own, bound to a fresh
 * exchange, receives what the publisher sends, with its routing key, headers and body; a publisher for one tenant
 * sends no other tenant's events; a broker that cannot be reached loses the event without throwing at Event Admin.
 */
class RabbitEventPublisherTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final String exchange = "receivables-test-" + UUID.randomUUID();
    private final ObjectMapper json = new ObjectMapper();
    private final TestSecrets secrets = new TestSecrets();
    private Connection connection;
    private Channel consumer;
    private String queue;
    private RabbitEventPublisher publisher;

    @BeforeEach
    void bindAQueue() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672/%2F");
        connection = factory.newConnection("receivables-test");
        consumer = connection.createChannel();
        consumer.exchangeDeclare(exchange, "topic", true);
        queue = consumer.queueDeclare().getQueue();
    }

    @AfterEach
    void close() throws Exception {
        if (publisher != null) {
            publisher.deactivate();
        }
        consumer.exchangeDelete(exchange);
        connection.close();
    }

    @Test
    void publishesEachEventToTheTopicExchangeUnderTheTenantAndTopic() throws Exception {
        consumer.queueBind(queue, exchange, "acme.receivables.installment.#");
        publisher = publisher(Map.of("exchange", exchange));

        publisher.handleEvent(new Event(EventTopics.INSTALLMENT_OVERDUE, Map.of(EventTopics.TENANT, "acme",
                EventTopics.INVOICE_NUMBER, "INV-2026-000001", EventTopics.AMOUNT, "119.00", EventTopics.CURRENCY, "EUR",
                EventTopics.LEVEL, 2, EventTopics.DAYS_OVERDUE, 30)));
        publisher.handleEvent(new Event(EventTopics.PAYMENT_RECEIVED, Map.of(EventTopics.TENANT, "acme")));

        GetResponse message = next();
        assertThat(message.getEnvelope().getRoutingKey()).isEqualTo("acme.receivables.installment.OVERDUE");
        assertThat(message.getProps().getContentType()).isEqualTo("application/json");
        assertThat(message.getProps().getDeliveryMode()).isEqualTo(2);
        assertThat(message.getProps().getMessageId()).startsWith("evt_");
        assertThat(message.getProps().getHeaders().get(EventTopics.TENANT).toString()).isEqualTo("acme");
        JsonNode body = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
        assertThat(body.get("type").asText()).isEqualTo(EventTopics.INSTALLMENT_OVERDUE);
        assertThat(body.get("tenant").asText()).isEqualTo("acme");
        assertThat(body.get("data").get("invoiceNumber").asText()).isEqualTo("INV-2026-000001");
        assertThat(body.get("data").get("amount").asText()).isEqualTo("119.00");
        assertThat(body.get("data").get("level").asInt()).isEqualTo(2);
        assertThat(body.get("data").has("tenant")).isFalse();
        assertThat(consumer.basicGet(queue, true)).as("the payment was not bound to this queue").isNull();
    }

    @Test
    void aPublisherForOneTenantSendsNoOtherTenantsEvents() throws Exception {
        consumer.queueBind(queue, exchange, "#");
        publisher = publisher(Map.of("exchange", exchange, "tenant", "acme"));

        publisher.handleEvent(new Event(EventTopics.INVOICE_ISSUED, Map.of(EventTopics.TENANT, "other")));
        publisher.handleEvent(new Event(EventTopics.INVOICE_ISSUED, Map.of(EventTopics.INVOICE_NUMBER, "no tenant")));
        publisher.handleEvent(new Event(EventTopics.INVOICE_ISSUED, Map.of(EventTopics.TENANT, "acme")));

        assertThat(next().getEnvelope().getRoutingKey()).isEqualTo("acme.receivables.invoice.ISSUED");
        assertThat(consumer.basicGet(queue, true)).isNull();
    }

    @Test
    void aBrokerThatCannotBeReachedLosesTheEventQuietlyAndUnusableSettingsAreRefused() {
        publisher = publisher(Map.of("exchange", exchange, "uri", "amqp://127.0.0.1:1/%2F"));
        publisher.handleEvent(new Event(EventTopics.INVOICE_ISSUED, Map.of(EventTopics.TENANT, "acme")));

        assertThatThrownBy(() -> publisher(Map.of("exchange", ""))).hasMessageContaining("exchange");
        assertThatThrownBy(() -> publisher(Map.of("exchange", exchange, "tenant", "Not A Tenant")))
                .hasMessageContaining("tenant");
        assertThatThrownBy(() -> publisher(Map.of("exchange", exchange, "uri", "http://example.com/")))
                .hasMessageContaining("URI");
    }

    @Test
    void aSealedPasswordIsOpenedForTheBrokerAndOneThatDoesNotOpenIsRefused() throws Exception {
        consumer.queueBind(queue, exchange, "#");
        publisher = publisher(Map.of("exchange", exchange, "password", secrets.seal("guest")));

        publisher.handleEvent(new Event(EventTopics.INVOICE_ISSUED, Map.of(EventTopics.TENANT, "acme")));

        assertThat(next().getEnvelope().getRoutingKey()).isEqualTo("acme.receivables.invoice.ISSUED");
        assertThatThrownBy(() -> publisher(Map.of("exchange", exchange, "password", "{sealed}c29tZXRoaW5nIGVsc2U=")))
                .hasMessageContaining("password").hasMessageNotContaining("c29tZXRoaW5nIGVsc2U");
    }

    private RabbitEventPublisher publisher(Map<String, Object> properties) {
        Map<String, Object> configured = new HashMap<>(Map.of("uri", "amqp://127.0.0.1:5672/%2F", "username", "guest",
                "password", "guest"));
        configured.putAll(properties);
        // No ConfigurationAdmin: a plain password stays as it is; RabbitEventsIT shows it sealed in the host's store.
        return new RabbitEventPublisher(Converters.standardConverter().convert(configured).to(RabbitConfiguration.class),
                Map.of(), secrets, null);
    }

    /** The next message on the queue, waited for until {@link #DEADLINE}. */
    private GetResponse next() throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        GetResponse message;
        while ((message = consumer.basicGet(queue, true)) == null) {
            assertThat(System.nanoTime()).as("a message within %s", DEADLINE).isLessThan(deadline);
            Thread.sleep(20);
        }
        return message;
    }
}
