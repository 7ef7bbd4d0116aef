package receivables.impl.webhook.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables webhooks",
        description = "How webhook deliveries are sent and retried, on every node alike")
@interface WebhookConfiguration {

    String PID = "receivables.webhooks";

    @AttributeDefinition(name = "Look for due deliveries every (milliseconds)", min = "100")
    int pollMillis() default 1000;

    @AttributeDefinition(name = "First retry after (seconds)",
            description = "Each further retry waits twice as long as the one before, at most six hours", min = "1")
    int firstRetrySeconds() default 10;

    @AttributeDefinition(name = "Attempts", min = "1",
            description = "Attempts before a delivery counts as failed (12: about 11 hours from the first); a replay "
                    + "starts over")
    int maxAttempts() default 12;

    @AttributeDefinition(name = "Timeout (seconds)", min = "1",
            description = "How long an attempt waits to connect, and then for the answer")
    int timeoutSeconds() default 10;

    @AttributeDefinition(name = "Allow private networks",
            description = "Lets webhooks point at loopback, private and link-local addresses; off in production, "
                    + "so that a subscription cannot reach the host's own network")
    boolean allowPrivateNetworks() default false;
}
