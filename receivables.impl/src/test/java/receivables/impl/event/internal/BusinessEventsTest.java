package receivables.impl.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.EventTopics;
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

    @Test
    void writesATransactionsEventsToTheOutboxTogetherJustBeforeTheCommitAndAnnouncesALargePaymentTwice() {
        List<String> written = new CopyOnWriteArrayList<>();
        List<Integer> rounds = new CopyOnWriteArrayList<>();
        RecordedEvents hooked = new RecordedEvents()
                .withOutbox((session, round) -> {
                    rounds.add(round.size());
                    round.forEach(event -> written.add(event.topic() + " " + session.isJoinedToTransaction()));
                })
                .withLargePayments((tenant, currency, amount) -> amount.compareTo(new BigDecimal("1000")) >= 0);

        testDatabase.get().inTransaction(TENANT, (session, tx) -> {
            hooked.events().afterCommit(tx, EventTopics.PAYMENT_RECEIVED, payment("1000.00"));
            hooked.events().afterCommit(tx, EventTopics.PAYMENT_RECEIVED, payment("999.99"));
            assertThat(written).as("only once the work is done").isEmpty();
        });

        assertThat(written).containsExactly(EventTopics.PAYMENT_RECEIVED + " true", EventTopics.PAYMENT_LARGE + " true",
                EventTopics.PAYMENT_RECEIVED + " true");
        assertThat(rounds).as("one write for the whole transaction").containsExactly(3);
        assertThat(hooked.topics()).containsExactly(EventTopics.PAYMENT_RECEIVED, EventTopics.PAYMENT_LARGE,
                EventTopics.PAYMENT_RECEIVED);
    }

    @Test
    void anEventThatArisesAfterTheOutboxWasWrittenIsWrittenInARoundOfItsOwn() {
        List<List<String>> rounds = new CopyOnWriteArrayList<>();
        RecordedEvents hooked = new RecordedEvents().withOutbox((session, round) ->
                rounds.add(round.stream().map(OutboxEvent::topic).toList()));

        testDatabase.get().inTransaction(TENANT, (session, tx) -> {
            hooked.events().afterCommit(tx, "receivables/test/FIRST", Map.of("id", "1"));
            tx.beforeCommit(finishing -> hooked.events().afterCommit(tx, "receivables/test/LATE", Map.of("id", "2")));
        });

        assertThat(rounds).containsExactly(List.of("receivables/test/FIRST"), List.of("receivables/test/LATE"));
        assertThat(hooked.topics()).containsExactly("receivables/test/FIRST", "receivables/test/LATE");
    }

    @Test
    void anOutboxThatFailsRollsTheChangeBackAndNothingIsPosted() {
        RecordedEvents hooked = new RecordedEvents().withOutbox((session, round) -> {
            throw new IllegalStateException("outbox full");
        });

        assertThatThrownBy(() -> testDatabase.get().inTransaction(TENANT, (Database.Change) (session, tx) ->
                hooked.events().afterCommit(tx, "receivables/test/DONE", Map.of("id", "1"))))
                .hasMessage("outbox full");

        assertThat(hooked.posted()).isEmpty();
    }

    private static Map<String, Object> payment(String amount) {
        return Map.of(EventTopics.TENANT, TENANT.value(), EventTopics.CURRENCY, "EUR", EventTopics.AMOUNT, amount);
    }
}
