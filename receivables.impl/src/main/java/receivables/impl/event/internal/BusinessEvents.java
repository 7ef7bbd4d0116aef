package receivables.impl.event.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import receivables.impl.persistence.internal.UnitOfWork;

/**
 * Posts business events through Event Admin once the transaction they arose in has committed, and never for
 * one that rolled back; asynchronously, so a slow subscriber never holds up a payment. Without Event Admin (a
 * host that has none) events are simply not sent.
 */
@Component(service = BusinessEvents.class)
public class BusinessEvents {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    /** Posts the event once {@code tx} has committed. */
    public void afterCommit(UnitOfWork tx, String topic, Map<String, Object> properties) {
        tx.afterCommit(() -> post(topic, properties));
    }

    private void post(String topic, Map<String, Object> properties) {
        EventAdmin current = eventAdmin;
        if (current != null) {
            current.postEvent(new Event(topic, properties));
        }
    }
}
