package receivables.api.webhook;

import java.util.List;

/**
 * A subscription as an integrator asks for it.
 *
 * @param url        where deliveries are posted: {@code https://} (or {@code http://}), no user info, no fragment
 * @param eventTypes the topics to deliver, each one of {@link receivables.api.EventTopics#ALL}, or {@code *} for all
 *                   of them (also those added later)
 * @param description what the subscription is for, optional
 */
public record WebhookRequest(String url, List<String> eventTypes, String description) {
}
