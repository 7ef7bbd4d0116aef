package receivables.impl.event.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Announces committed business events through Event Admin, asynchronously, so a slow subscriber never
 * holds up a payment. Without Event Admin (a host that has none) events are simply not sent.
 */
@Component(service = BusinessEvents.class)
public class BusinessEvents {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    public void announce(String topic, Map<String, Object> properties) {
        EventAdmin current = eventAdmin;
        if (current != null) {
            current.postEvent(new Event(topic, properties));
        }
    }
}
