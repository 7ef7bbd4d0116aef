package receivables.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event for one subscription, and its attempts.
 *
 * @param id            the message id the receiver sees as {@code webhook-id}, the same on every attempt and replay,
 *                      so that the receiver can drop a message it has already handled
 * @param nextAttemptAt when a pending delivery is tried next; {@code null} once it is delivered or failed
 * @param payload       the JSON body as it is posted
 */
public record WebhookDelivery(String id, UUID subscriptionId, String eventType, WebhookDeliveryStatus status,
        Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String payload, List<WebhookAttempt> attempts) {

    public WebhookDelivery {
        attempts = List.copyOf(attempts);
    }
}
