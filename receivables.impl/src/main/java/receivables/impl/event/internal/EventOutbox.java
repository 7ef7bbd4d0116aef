package receivables.impl.event.internal;

import java.util.List;

import org.hibernate.Session;

/**
 * Where events go that must reach someone outside at least once (webhooks): written in the transaction that made
 * the event, so that they commit with it or not at all, and sent from there by a worker of their own. A
 * transaction's events come together, in the order they arose, so that a billing batch asks once who wants them.
 */
public interface EventOutbox {

    void enqueue(Session session, List<OutboxEvent> events);
}
