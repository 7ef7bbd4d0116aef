package receivables.impl.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.TenantId;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.TestDatabase;

class BusinessEventsTest {

    private static final TenantId TENANT = new TenantId("events");

    @RegisterExtension
    final TestDatabase testDatabase = TestDatabase.h2();

    private final RecordedEvents recorded = new RecordedEvents();
    private final BusinessEvents events = recorded.events();

    @Test
    void postsAnEventOnlyOnceItsTransactionHasCommitted() {
        testDatabase.get().inTransaction(TENANT, (session, tx) -> {
            events.afterCommit(tx, "receivables/test/DONE", Map.of("id", "1"));
            assertThat(recorded.posted()).isEmpty();
        });

        assertThat(recorded.topics()).containsExactly("receivables/test/DONE");
        assertThat(recorded.posted().get(0).getProperty("id")).isEqualTo("1");
    }

    @Test
    void postsNothingForARolledBackTransaction() {
        assertThatThrownBy(() -> testDatabase.get().inTransaction(TENANT, (Database.Change) (session, tx) -> {
            events.afterCommit(tx, "receivables/test/DONE", Map.of("id", "1"));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(recorded.posted()).isEmpty();
    }
}
