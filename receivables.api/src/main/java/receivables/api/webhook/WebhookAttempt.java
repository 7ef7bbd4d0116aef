package receivables.api.webhook;

import java.time.Instant;

/**
 * One attempt at a delivery.
 *
 * @param statusCode the receiver's HTTP status, or {@code null} when none came (refused, timed out, unreachable)
 * @param error      why the attempt failed, or {@code null} when it succeeded
 */
public record WebhookAttempt(int number, Instant attemptedAt, Integer statusCode, String error, long millis) {
}
