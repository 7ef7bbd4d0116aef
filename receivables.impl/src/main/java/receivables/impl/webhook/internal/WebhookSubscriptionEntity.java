package receivables.impl.webhook.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.api.webhook.WebhookSubscription;
import receivables.impl.audit.internal.Audited;
import receivables.impl.audit.internal.PersonalData;
import receivables.impl.persistence.internal.TenantOwned;

/** A subscription as stored; made and ended by a tenant admin, so audited. */
@Audited("webhook-subscription")
@Entity(name = "WebhookSubscription")
@Table(name = "webhook_subscription")
public class WebhookSubscriptionEntity extends TenantOwned {

    @Id
    UUID id;

    @Column(nullable = false, length = 2000)
    String url;

    /** Topics or {@code *}, separated by commas. */
    @Column(name = "event_types", nullable = false, length = 1000)
    String eventTypes;

    @Column(length = 200)
    String description;

    /** Sealed, and even so the audit trail records only that it was set, never its value. */
    @PersonalData
    @Column(name = "secret_sealed", nullable = false, length = 200)
    String secretSealed;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(nullable = false)
    boolean active;

    protected WebhookSubscriptionEntity() {
    }

    WebhookSubscriptionEntity(WebhookSubscription subscription, String secretSealed) {
        this.id = subscription.id();
        this.url = subscription.url();
        this.eventTypes = String.join(",", subscription.eventTypes());
        this.description = subscription.description();
        this.secretSealed = secretSealed;
        this.createdAt = subscription.createdAt();
        this.active = true;
    }

    WebhookSubscription toValue() {
        return new WebhookSubscription(id, url, List.of(eventTypes.split(",")), description, createdAt);
    }
}
