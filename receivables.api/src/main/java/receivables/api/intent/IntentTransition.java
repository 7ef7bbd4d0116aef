package receivables.api.intent;

import java.time.Instant;

/**
 * One step in an intent's history.
 *
 * @param source who caused it: {@code api}, {@code notification}, {@code query}, {@code janitor}
 * @param detail why, e.g. the provider's message; never a secret
 */
public record IntentTransition(IntentStatus from, IntentStatus to, Instant at, String source, String detail) {
}
