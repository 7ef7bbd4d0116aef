package receivables.events.rabbitmq.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Date;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import receivables.api.secret.ConfigurationSecrets;

/**
 * Publishes every business event receivables posts through Event Admin ({@code receivables/*}) to a RabbitMQ topic
 * exchange, as JSON ({@code type}, {@code tenant}, {@code timestamp}, {@code data}), persistent, and waits for the
 * broker's confirm. The routing key is the tenant and the topic with dots ({@code acme.receivables.invoice.ISSUED}),
 * so that a consumer binds to one tenant ({@code acme.#}), one kind ({@code *.receivables.payment.*}) or all
 * ({@code #}). Events reach this bundle after their commit, best effort: an event posted while the broker cannot be
 * reached is logged and lost (the webhooks' outbox is the at-least-once path). A broker down at start is connected
 * to at the next event; a connection that breaks later recovers by itself. The password is kept sealed by the host
 * key: one given in plain text is sealed where ConfigAdmin stores it as soon as the configuration is read.
 */
// Immediate: Event Admin asks for a handler only when an event comes, and a configuration should be sealed and its
// broker reached (or the failure logged) when it is made, not then. The topic as a plain property, as LiveEvents has
// it: @EventTopics would also require Event Admin's osgi.implementation capability, which Karaf's does not declare.
@Component(service = EventHandler.class, configurationPid = RabbitConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=receivables/*")
@Designate(ocd = RabbitConfiguration.class, factory = true)
public class RabbitEventPublisher implements EventHandler {

    static final String TENANT = receivables.api.EventTopics.TENANT;
    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Logger LOG = LoggerFactory.getLogger(RabbitEventPublisher.class);

    private final String exchange;
    private final String tenant;
    private final long confirmTimeoutMillis;
    private final ConnectionFactory factory = new ConnectionFactory();
    private Connection connection;
    private Channel channel;
    private final ObjectMapper json = new ObjectMapper();

    @Activate
    public RabbitEventPublisher(RabbitConfiguration config, Map<String, Object> properties,
            @Reference ConfigurationSecrets secrets,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configurations) {
        if (config.exchange() == null || config.exchange().isBlank() || config.exchange().length() > 255) {
            throw new IllegalArgumentException("events to RabbitMQ: the exchange must be named (at most 255 characters)");
        }
        if (config.tenant() != null && !config.tenant().isEmpty() && !TENANT_ID.matcher(config.tenant()).matches()) {
            throw new IllegalArgumentException("events to RabbitMQ: '" + config.tenant() + "' is not a tenant id");
        }
        if (config.confirmTimeoutMillis() < 100) {
            throw new IllegalArgumentException("events to RabbitMQ: confirmTimeoutMillis must be at least 100");
        }
        this.exchange = config.exchange();
        this.tenant = config.tenant() == null || config.tenant().isEmpty() ? null : config.tenant();
        this.confirmTimeoutMillis = config.confirmTimeoutMillis();
        try {
            factory.setUri(config.uri());
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            // The message may quote the URI; it holds no password, which has a field of its own.
            throw new IllegalArgumentException("events to RabbitMQ: the broker URI is not usable: " + e.getMessage());
        }
        factory.setUsername(config.username());
        try {
            factory.setPassword(secrets.open(config.password()));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("events to RabbitMQ: the password does not open (sealed for another "
                    + "bundle or under another host key); enter it again in plain text");
        }
        factory.setAutomaticRecoveryEnabled(true);
        if (!secrets.sealed(config.password())
                && sealStored(properties, secrets.seal(config.password()), configurations)) {
            // ConfigAdmin hands the sealed configuration to a fresh instance, which connects.
            return;
        }
        try {
            connect();
        } catch (IOException | TimeoutException e) {
            LOG.warn("RabbitMQ at {} cannot be reached yet ({}); connecting again at the next event", config.uri(),
                    e.toString());
        }
    }

    /** Writes the password back sealed; whether ConfigAdmin took it. */
    private static boolean sealStored(Map<String, Object> properties, String sealed, ConfigurationAdmin configurations) {
        Object pid = properties.get(Constants.SERVICE_PID);
        if (configurations == null || pid == null) {
            LOG.warn("events to RabbitMQ: the password stays in plain text in the configuration (no ConfigurationAdmin)");
            return false;
        }
        try {
            Configuration[] found = configurations.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            if (found == null || found.length != 1) {
                return false;
            }
            Dictionary<String, Object> stored = found[0].getProperties();
            stored.put("password", sealed);
            found[0].update(stored);
            return true;
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("events to RabbitMQ: the password could not be sealed in configuration {}: {}", pid, e.getMessage());
            return false;
        }
    }

    /** Connects, declares the exchange and turns confirms on, unless that is done. */
    private synchronized Channel connect() throws IOException, TimeoutException {
        if (channel == null) {
            Connection opened = factory.newConnection("receivables");
            try {
                Channel created = opened.createChannel();
                created.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
                created.confirmSelect();
                connection = opened;
                channel = created;
            } catch (IOException | RuntimeException e) {
                opened.abort();
                throw e;
            }
        }
        return channel;
    }

    @Deactivate
    synchronized void deactivate() {
        if (connection != null) {
            connection.abort();
            connection = null;
            channel = null;
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(TENANT) instanceof String of) || tenant != null && !tenant.equals(of)) {
            return;
        }
        String routingKey = of + "." + event.getTopic().replace('/', '.');
        try {
            publish(routingKey, of, body(event, of));
        } catch (IOException | TimeoutException | RuntimeException e) {
            // A channel whose confirm failed or timed out is closed: the next event opens a fresh connection.
            deactivate();
            LOG.error("Event {} of tenant {} was not confirmed by RabbitMQ exchange {}: {}", event.getTopic(), of,
                    exchange, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One publish at a time: a channel's confirms belong to whatever it published last. */
    private synchronized void publish(String routingKey, String of, byte[] body)
            throws IOException, InterruptedException, TimeoutException {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                .contentEncoding("UTF-8").deliveryMode(2).messageId("evt_" + UUID.randomUUID().toString().replace("-", ""))
                .timestamp(new Date()).headers(Map.of(TENANT, of)).build();
        Channel open = connect();
        open.basicPublish(exchange, routingKey, properties, body);
        open.waitForConfirmsOrDie(confirmTimeoutMillis);
    }

    byte[] body(Event event, String of) {
        Map<String, Object> data = new TreeMap<>();
        for (String name : event.getPropertyNames()) {
            Object value = event.getProperty(name);
            if (!name.equals(TENANT) && !name.equals(EventConstants.EVENT_TOPIC)
                    && (value instanceof String || value instanceof Number || value instanceof Boolean)) {
                data.put(name, value);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.getTopic());
        body.put("tenant", of);
        body.put("timestamp", Instant.now().toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain event properties did not become JSON", e);
        }
    }
}
