package receivables.api.webhook;

/**
 * A subscription just made, with its signing secret: {@code whsec_} and the base64 of 32 random bytes. It is shown
 * here once and stored sealed; whoever lost it deletes the subscription and makes a new one.
 */
public record NewWebhookSubscription(WebhookSubscription subscription, String secret) {
}
