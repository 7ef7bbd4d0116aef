package receivables.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's subscription; its secret is shown only once, in {@link NewWebhookSubscription}. */
public record WebhookSubscription(UUID id, String url, List<String> eventTypes, String description, Instant createdAt) {

    public WebhookSubscription {
        eventTypes = List.copyOf(eventTypes);
    }
}
