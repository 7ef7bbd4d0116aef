package receivables.impl.event.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import receivables.api.EventTopics;
import receivables.impl.persistence.internal.UnitOfWork;

/**
 * Posts business events through Event Admin once the transaction they arose in has committed, and never for
 * one that rolled back; asynchronously, so a slow subscriber never holds up a payment. Without Event Admin (a
 * host that has none) events are simply not posted. Each event is also written to the {@link EventOutbox} (the
 * webhooks), in the same transaction, and a payment the tenant counts as large announces itself once more as
 * {@link EventTopics#PAYMENT_LARGE}.
 */
@Component(service = BusinessEvents.class)
public class BusinessEvents {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventOutbox outbox;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LargePayments largePayments;

    /** Posts the event once {@code tx} has committed, and writes it to the outbox before {@code tx} commits. */
    public void afterCommit(UnitOfWork tx, String topic, Map<String, Object> properties) {
        publish(tx, topic, properties);
        LargePayments large = largePayments;
        if (EventTopics.PAYMENT_RECEIVED.equals(topic) && large != null
                && properties.get(EventTopics.TENANT) instanceof String tenant
                && properties.get(EventTopics.CURRENCY) instanceof String currency
                && properties.get(EventTopics.AMOUNT) instanceof String amount
                && large.large(tenant, currency, new BigDecimal(amount))) {
            publish(tx, EventTopics.PAYMENT_LARGE, properties);
        }
    }

    private void publish(UnitOfWork tx, String topic, Map<String, Object> properties) {
        EventOutbox current = outbox;
        if (current != null) {
            PendingEvents pending = tx.shared(PendingEvents.class, PendingEvents::new);
            if (pending.add(new OutboxEvent(topic, properties))) {
                tx.beforeCommit(session -> current.enqueue(session, pending.drain()));
            }
        }
        tx.afterCommit(() -> post(topic, properties));
    }

    /**
     * A transaction's events not yet in the outbox. The first of a round registers the write before the commit;
     * an event that arises after that write (from other work before the commit) starts a round of its own.
     */
    private static final class PendingEvents {

        private final List<OutboxEvent> events = new ArrayList<>();

        /** Whether {@code event} is the first of a round. */
        boolean add(OutboxEvent event) {
            events.add(event);
            return events.size() == 1;
        }

        List<OutboxEvent> drain() {
            List<OutboxEvent> round = List.copyOf(events);
            events.clear();
            return round;
        }
    }

    private void post(String topic, Map<String, Object> properties) {
        EventAdmin current = eventAdmin;
        if (current != null) {
            current.postEvent(new Event(topic, properties));
        }
    }
}
