package receivables.impl.intent.internal;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where retrying a provider call stands, for an intent's start and for a refund alike: the attempts that
 * failed, when the next one is due ({@code null}: none is), and what failed last.
 */
@Embeddable
record Retry(@Column(name = "attempts", nullable = false) int attempts,
        @Column(name = "next_attempt_at") Instant nextAttemptAt,
        @Column(name = "last_error", length = 500) String lastError) {

    /** The first attempt, due {@code now}. */
    static Retry due(Instant now) {
        return new Retry(0, now, null);
    }

    /** Nothing more to try: the call succeeded, or the record was settled otherwise. */
    Retry done() {
        return new Retry(attempts, null, null);
    }

    /**
     * After a failed attempt: the next one after the backoff while the failure may pass and attempts are left;
     * none otherwise ({@link #givenUp()}).
     */
    Retry failed(String error, boolean retryable, Backoff backoff, Instant now) {
        int failed = attempts + 1;
        return new Retry(failed, retryable && failed < backoff.maxAttempts() ? now.plus(backoff.after(failed)) : null,
                error);
    }

    /** The call went through and its answer comes later: ask again {@code at}, nothing having failed. */
    Retry askAgainAt(Instant at) {
        return new Retry(attempts, at, null);
    }

    /** The same attempts, with what failed last for a person to read (a query that did not answer). */
    Retry noting(String error) {
        return new Retry(attempts, nextAttemptAt, error);
    }

    boolean givenUp() {
        return nextAttemptAt == null;
    }

    /** How long to wait after a failed attempt: doubling from the first wait, up to the longest. */
    record Backoff(int maxAttempts, Duration first, Duration longest) {

        static Backoff of(IntentsConfiguration config) {
            return new Backoff(config.maxAttempts(), Duration.ofSeconds(config.firstRetrySeconds()),
                    Duration.ofSeconds(config.maxRetrySeconds()));
        }

        /** The same waits, for as many attempts as it takes. */
        Backoff unlimited() {
            return new Backoff(Integer.MAX_VALUE, first, longest);
        }

        Duration after(int attempts) {
            long seconds = first.getSeconds() << Math.min(attempts - 1, 20);
            return Duration.ofSeconds(Math.min(seconds, longest.getSeconds()));
        }
    }
}
