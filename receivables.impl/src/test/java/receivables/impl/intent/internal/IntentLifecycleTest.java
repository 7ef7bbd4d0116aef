package receivables.impl.intent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import receivables.impl.lifecycle.internal.TransitionWalk;

class IntentLifecycleTest {

    @Test
    void everyPairOfIntentStatesIsAllowedOrRefusedIncludingTheLatePayment() {
        TransitionWalk.allowsExactly(IntentLifecycle.INTENTS,
                "CREATED > PENDING", "CREATED > SUCCEEDED", "CREATED > FAILED", "CREATED > EXPIRED", "CREATED > CANCELED",
                "PENDING > SUCCEEDED", "PENDING > FAILED", "PENDING > EXPIRED", "PENDING > CANCELED",
                "FAILED > SUCCEEDED", "EXPIRED > SUCCEEDED", "CANCELED > SUCCEEDED",
                "SUCCEEDED > PARTIALLY_REFUNDED", "SUCCEEDED > REFUNDED",
                "PARTIALLY_REFUNDED > PARTIALLY_REFUNDED", "PARTIALLY_REFUNDED > REFUNDED");
    }

    @Test
    void everyPairOfRefundStatesIsAllowedOrRefused() {
        TransitionWalk.allowsExactly(IntentLifecycle.REFUNDS, "PENDING > SUCCEEDED", "PENDING > FAILED");
    }

    @Test
    void retriesBackOffDoublingUpToTheLongestWaitAndGiveUpAfterTheLastAttempt() {
        Retry.Backoff backoff = new Retry.Backoff(4, Duration.ofSeconds(5), Duration.ofSeconds(12));
        Instant now = Instant.parse("2026-03-02T10:00:00Z");

        Retry first = Retry.due(now).failed("UNAVAILABLE", true, backoff, now);
        Retry second = first.failed("UNAVAILABLE", true, backoff, now);
        Retry third = second.failed("UNAVAILABLE", true, backoff, now);
        Retry fourth = third.failed("UNAVAILABLE: still", true, backoff, now);

        assertThat(first.nextAttemptAt()).isEqualTo(now.plusSeconds(5));
        assertThat(second.nextAttemptAt()).isEqualTo(now.plusSeconds(10));
        assertThat(third.nextAttemptAt()).isEqualTo(now.plusSeconds(12));
        assertThat(fourth.givenUp()).isTrue();
        assertThat(fourth.attempts()).isEqualTo(4);
        assertThat(fourth.lastError()).isEqualTo("UNAVAILABLE: still");
        assertThat(Retry.due(now).failed("DECLINED", false, backoff, now).givenUp()).as("a final failure").isTrue();
        assertThat(third.done()).isEqualTo(new Retry(3, null, null));
    }
}
