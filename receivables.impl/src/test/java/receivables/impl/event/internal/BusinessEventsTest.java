package receivables.impl.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import receivables.api.TenantId;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.TestDatabase;

class BusinessEventsTest {

    private static final TenantId TENANT = new TenantId("events");

    @RegisterExtension
    final TestDatabase testDatabase = TestDatabase.h2();

    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private final BusinessEvents events = new BusinessEvents();

    BusinessEventsTest() {
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

    @Test
    void postsAnEventOnlyOnceItsTransactionHasCommitted() {
        testDatabase.get().inTransaction(TENANT, (session, tx) -> {
            events.afterCommit(tx, "receivables/test/DONE", Map.of("id", "1"));
            assertThat(posted).isEmpty();
        });

        assertThat(posted).extracting(Event::getTopic).containsExactly("receivables/test/DONE");
        assertThat(posted.get(0).getProperty("id")).isEqualTo("1");
    }

    @Test
    void postsNothingForARolledBackTransaction() {
        assertThatThrownBy(() -> testDatabase.get().inTransaction(TENANT, (Database.Change) (session, tx) -> {
            events.afterCommit(tx, "receivables/test/DONE", Map.of("id", "1"));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(posted).isEmpty();
    }
}
