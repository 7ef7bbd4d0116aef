package receivables.impl.event.internal;

import java.util.Map;

/** An event on its way into the {@link EventOutbox}: its topic and its properties as Event Admin gets them. */
public record OutboxEvent(String topic, Map<String, Object> properties) {
}
