package receivables.impl.webhook.internal;

import java.time.Duration;

/**
 * How deliveries are retried: attempt n (from 1) that fails waits {@code firstRetry × 2^(n-1)}, at most
 * {@link #LONGEST_WAIT}, and after {@code maxAttempts} failed ones the delivery has failed.
 */
record WebhookRules(Duration firstRetry, int maxAttempts, Duration timeout, boolean allowPrivateNetworks) {

    static final Duration LONGEST_WAIT = Duration.ofHours(6);

    WebhookRules {
        if (firstRetry.isNegative() || firstRetry.isZero() || maxAttempts < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("webhooks: firstRetry and timeout must be positive and maxAttempts at least 1");
        }
    }

    static WebhookRules of(WebhookConfiguration config) {
        return new WebhookRules(Duration.ofSeconds(config.firstRetrySeconds()), config.maxAttempts(),
                Duration.ofSeconds(config.timeoutSeconds()), config.allowPrivateNetworks());
    }

    /** How long to wait after the {@code failed}-th failed attempt of this round. */
    Duration waitAfter(int failed) {
        Duration wait = firstRetry;
        for (int i = 1; i < failed && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
