package receivables.impl.event.internal;

import java.util.Map;

import org.hibernate.Session;

/**
 * Where events go that must reach someone outside at least once (webhooks): written in the transaction that made
 * the event, so that they commit with it or not at all, and sent from there by a worker of their own.
 */
public interface EventOutbox {

    void enqueue(Session session, String topic, Map<String, Object> properties);
}
