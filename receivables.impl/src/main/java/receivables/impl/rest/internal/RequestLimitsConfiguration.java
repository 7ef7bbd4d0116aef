package receivables.impl.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables request limits",
        description = "How large a request body may be, and how often a client may fail to authenticate or a payment "
                + "channel may report before the API answers 429 with Retry-After.")
@interface RequestLimitsConfiguration {

    String PID = "receivables.limits";
    long DEFAULT_MAX_BODY_BYTES = 1L << 20;
    long DEFAULT_MAX_UPLOAD_BYTES = 256L << 20;

    @AttributeDefinition(name = "Largest request body (bytes)",
            description = "JSON bodies and payment notifications; a larger one is refused with 413 before it is read")
    long maxBodyBytes() default DEFAULT_MAX_BODY_BYTES;

    @AttributeDefinition(name = "Largest upload (bytes)",
            description = "Files sent as the body: bank statements, exchange-rate CSV; a larger one is refused with 413")
    long maxUploadBytes() default DEFAULT_MAX_UPLOAD_BYTES;

    @AttributeDefinition(name = "Failed authentications per minute and client address",
            description = "Once a client address has used them up, its requests that need an API key answer 429 "
                    + "until the allowance refills (evenly over the minute)")
    int failedAuthenticationsPerMinute() default 20;

    @AttributeDefinition(name = "Payment notifications per second, per provider and tenant",
            description = "The sustained rate; notifications beyond it answer 429, and channels retry them later")
    int notificationsPerSecond() default 20;

    @AttributeDefinition(name = "Payment notification burst, per provider and tenant",
            description = "How many notifications may arrive at once before the sustained rate applies")
    int notificationBurst() default 200;

    @AttributeDefinition(name = "Trusted proxies",
            description = "IP addresses or CIDR ranges of the load balancers and proxies in front of the API, e.g. "
                    + "10.0.0.0/8: a request from one of them is counted against the last address of its "
                    + "X-Forwarded-For that is not one of them. Empty: the TCP peer is the client.",
            cardinality = 64)
    String[] trustedProxies() default {};
}
