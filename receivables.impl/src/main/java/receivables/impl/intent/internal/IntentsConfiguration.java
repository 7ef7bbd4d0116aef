package receivables.impl.intent.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables payment intents",
        description = "How payment intents talk to providers: the address channels notify, retries and the janitor.")
@interface IntentsConfiguration {

    String PID = "receivables.intents";

    @AttributeDefinition(name = "Public base URL",
            description = "The address at which payment channels reach this host, e.g. https://ar.example.com; "
                    + "notifications go to <this>/api/v1/payments/notifications/<provider>?tenant=<tenant>. "
                    + "Empty: http://localhost:<the host's HTTP port>")
    String publicBaseUrl() default "";

    @AttributeDefinition(name = "Janitor interval (seconds)",
            description = "How often intents left unsettled and refunds not confirmed are looked at")
    int janitorIntervalSeconds() default 30;

    @AttributeDefinition(name = "Query pending intents after (seconds)",
            description = "A pending intent without news for this long is settled by asking its provider")
    int queryPendingAfterSeconds() default 120;

    @AttributeDefinition(name = "First retry after (seconds)",
            description = "A failed provider call is retried after this, then twice as long each time")
    int firstRetrySeconds() default 5;

    @AttributeDefinition(name = "Longest wait between retries (seconds)")
    int maxRetrySeconds() default 900;

    @AttributeDefinition(name = "Attempts", description = "After this many failed starts an intent is FAILED")
    int maxAttempts() default 8;

    @AttributeDefinition(name = "Provider call timeout (milliseconds)",
            description = "How long a call to a provider (start, query, refund, cancel, verify) may take; then it is "
                    + "interrupted and counts as an unknown outcome, retried later")
    int providerCallTimeoutMillis() default 25_000;

    @AttributeDefinition(name = "Intent lifetime (minutes)",
            description = "An intent not paid for this long, whose provider gives no expiry of its own, expires")
    int lifetimeMinutes() default 1440;
}
