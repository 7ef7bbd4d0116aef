package receivables.impl.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import receivables.api.provider.PaymentProvider;
import receivables.api.ui.UiFragment;

/**
 * The open live-event streams of the web UI, per tenant: each business event the core posts after its commit goes
 * to the streams of its tenant only ({@code business}), and a change of the installed UI fragments to every stream
 * ({@code fragments}), so that screens appear and disappear without a reload. A comment every
 * {@value #HEARTBEAT_SECONDS} s finds the streams whose browser has gone; a stream ends after
 * {@value #LIFETIME_MINUTES} minutes and the browser's EventSource reconnects, so none lives on forgotten.
 */
// The topic as a plain property: @EventTopics would also require Event Admin's osgi.implementation capability,
// which Karaf's Event Admin bundle does not declare, and receivables.impl would not resolve there.
@Component(service = { LiveEvents.class, EventHandler.class }, property = EventConstants.EVENT_TOPIC + "=receivables/*")
public class LiveEvents implements EventHandler {

    /** Streams one tenant may hold open at once: a few per person signed in. */
    static final int MAX_STREAMS_PER_TENANT = 64;
    static final long HEARTBEAT_SECONDS = 20;
    static final long LIFETIME_MINUTES = 10;

    private record Stream(SseEventSink sink, Sse sse, long openedAt) {
    }

    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "receivables-live-events");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public LiveEvents() {
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        heartbeat.shutdownNow();
        streams.values().forEach(open -> open.forEach(stream -> stream.sink().close()));
        streams.clear();
    }

    /** Fragments come and go with their bundles: every open screen is told to read the registry again. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFragment(UiFragment fragment) {
        fragmentsChanged();
    }

    void removeFragment(UiFragment fragment) {
        fragmentsChanged();
    }

    /**
     * A provider coming or going changes which fragments a tenant sees (feature {@code provider:<id>}), and a bundle
     * may register its provider after its fragment: told only of the fragment, a screen would read the registry too
     * early and miss it.
     */
    @Reference(service = PaymentProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeProvider")
    void addProvider(ServiceReference<PaymentProvider> provider) {
        fragmentsChanged();
    }

    void removeProvider(ServiceReference<PaymentProvider> provider) {
        fragmentsChanged();
    }

    /** Opens a stream for the tenant, or answers false when the tenant has too many open already. */
    boolean open(String tenant, SseEventSink sink, Sse sse) {
        Set<Stream> open = streams.computeIfAbsent(tenant, any -> ConcurrentHashMap.newKeySet());
        if (open.size() >= MAX_STREAMS_PER_TENANT) {
            return false;
        }
        Stream stream = new Stream(sink, sse, System.nanoTime());
        open.add(stream);
        send(open, stream, sse.newEventBuilder().name("ready").data("{}").reconnectDelay(3000).build());
        return true;
    }

    @Override
    public void handleEvent(Event event) {
        Object tenant = event.getProperty(receivables.api.EventTopics.TENANT);
        Set<Stream> open = tenant instanceof String id ? streams.get(id) : null;
        if (open == null || open.isEmpty()) {
            return;
        }
        String data;
        try {
            data = JsonBodies.mapper().writeValueAsString(describe(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's string properties did not become JSON", e);
        }
        open.forEach(stream -> send(open, stream, stream.sse().newEventBuilder().name("business").data(data).build()));
    }

    /** What the browser learns of an event: its topic, when, and its plain properties, never the tenant. */
    static Map<String, Object> describe(Event event) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("topic", event.getTopic());
        described.put("at", java.time.Instant.now().toString());
        for (String name : event.getPropertyNames()) {
            Object value = event.getProperty(name);
            if (!List.of(receivables.api.EventTopics.TENANT, EventConstants.EVENT_TOPIC).contains(name)
                    && (value instanceof String || value instanceof Number || value instanceof Boolean)) {
                described.put(name, value.toString());
            }
        }
        return described;
    }

    int openStreams(String tenant) {
        Set<Stream> open = streams.get(tenant);
        return open == null ? 0 : open.size();
    }

    private void fragmentsChanged() {
        streams.values().forEach(open -> open.forEach(stream ->
                send(open, stream, stream.sse().newEventBuilder().name("fragments").data("{}").build())));
    }

    private void beat() {
        long now = System.nanoTime();
        streams.values().forEach(open -> open.forEach(stream -> {
            if (now - stream.openedAt() > TimeUnit.MINUTES.toNanos(LIFETIME_MINUTES)) {
                close(open, stream);
            } else {
                send(open, stream, stream.sse().newEventBuilder().comment("").build());
            }
        }));
    }

    private static void send(Set<Stream> open, Stream stream, OutboundSseEvent event) {
        if (stream.sink().isClosed()) {
            open.remove(stream);
            return;
        }
        try {
            stream.sink().send(event).whenComplete((sent, failure) -> {
                if (failure != null) {
                    close(open, stream);
                }
            });
        } catch (RuntimeException gone) {
            // The browser went away between the check and the write.
            close(open, stream);
        }
    }

    private static void close(Set<Stream> open, Stream stream) {
        open.remove(stream);
        try {
            stream.sink().close();
        } catch (RuntimeException alreadyClosed) {
            // Closing a broken stream may fail once more; it is gone either way.
        }
    }
}
