package receivables.api.webhook;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;

/** A tenant's webhook subscriptions and their deliveries. */
@ProviderType
public interface Webhooks {

    /**
     * Subscribes a URL; refuses, naming the field, a URL that is not http(s), carries user info or a fragment, or
     * points at a private or loopback address written as a literal, and event types that are not topics.
     */
    NewWebhookSubscription subscribe(TenantId tenant, WebhookRequest request);

    List<WebhookSubscription> subscriptions(TenantId tenant);

    /** Ends the subscription: nothing more is delivered to it, pending deliveries included. */
    void unsubscribe(TenantId tenant, UUID subscription);

    /** The subscription's deliveries, newest first, with their attempts. */
    Page<WebhookDelivery> deliveries(TenantId tenant, UUID subscription, PageRequest page);

    WebhookDelivery delivery(TenantId tenant, String delivery);

    /** Sends the delivery again, with the same message id, as soon as the worker comes to it. */
    WebhookDelivery replay(TenantId tenant, String delivery);
}
