package receivables.impl.event.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** {@link BusinessEvents} whose Event Admin keeps what is posted, for tests to read. */
public final class RecordedEvents {

    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private final BusinessEvents events = new BusinessEvents();

    public RecordedEvents() {
        events.eventAdmin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                throw new AssertionError("events are posted, never sent synchronously");
            }
        };
    }

    /** Also writes each event to {@code outbox} in its transaction, as the webhooks' outbox is wired in the host. */
    public RecordedEvents withOutbox(EventOutbox outbox) {
        events.outbox = outbox;
        return this;
    }

    /** Also announces the payments {@code rules} count as large. */
    public RecordedEvents withLargePayments(LargePayments rules) {
        events.largePayments = rules;
        return this;
    }

    public BusinessEvents events() {
        return events;
    }

    /** Forgets what was posted so far. */
    public void clear() {
        posted.clear();
    }

    /** The topics posted so far, in order. */
    public List<String> topics() {
        return posted.stream().map(Event::getTopic).toList();
    }

    public List<Event> posted() {
        return List.copyOf(posted);
    }
}
