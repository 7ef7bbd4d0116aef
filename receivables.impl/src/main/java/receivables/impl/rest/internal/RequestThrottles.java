package receivables.impl.rest.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import receivables.api.TenantId;

/**
 * The allowances that keep a hostile client from guessing API keys or flooding the notification endpoints, as
 * Bucket4j token buckets: one per client address for failed authentications, one per tenant and provider for
 * payment notifications. Each kind keeps at most {@link #MAX_TRACKED} buckets, dropping the least recently used,
 * so that a flood from many addresses costs bounded memory.
 */
@Component(service = RequestThrottles.class, configurationPid = RequestLimitsConfiguration.PID)
@Designate(ocd = RequestLimitsConfiguration.class)
public class RequestThrottles {

    static final int MAX_TRACKED = 10_000;

    private final TimeMeter clock;
    private volatile Limits limits;
    private volatile TrustedProxies proxies = TrustedProxies.none();
    private final Buckets<String> failedAuthentications = new Buckets<>();
    private final Buckets<String> notifications = new Buckets<>();

    /** The limits of the request-limits configuration. */
    record Limits(long maxBodyBytes, long maxUploadBytes, int failedAuthenticationsPerMinute, int notificationsPerSecond,
            int notificationBurst) {

        Limits {
            if (maxBodyBytes < 1 || maxUploadBytes < 1 || failedAuthenticationsPerMinute < 1 || notificationsPerSecond < 1
                    || notificationBurst < 1) {
                throw new IllegalArgumentException(RequestLimitsConfiguration.PID + ": every limit must be at least 1");
            }
        }
    }

    public RequestThrottles() {
        this(TimeMeter.SYSTEM_NANOTIME);
    }

    RequestThrottles(TimeMeter clock) {
        this.clock = clock;
    }

    @Activate
    @Modified
    void configure(RequestLimitsConfiguration config) {
        TrustedProxies trusted = TrustedProxies.of(config.trustedProxies());
        configure(new Limits(config.maxBodyBytes(), config.maxUploadBytes(), config.failedAuthenticationsPerMinute(),
                config.notificationsPerSecond(), config.notificationBurst()));
        trust(trusted);
    }

    /**
     * The address a request's allowance is counted against (and the audit trail records): the TCP peer's, or behind
     * a trusted proxy the client's it forwards for.
     */
    String clientAddress(String peer, String forwardedFor) {
        return proxies.client(peer, forwardedFor);
    }

    void configure(Limits limits) {
        this.limits = limits;
        failedAuthentications.clear();
        notifications.clear();
    }

    Limits limits() {
        return limits;
    }

    void trust(TrustedProxies trusted) {
        proxies = trusted;
    }

    /**
     * Whether the address may try to authenticate now: empty if so, else the seconds until it may. Asking costs
     * nothing; only {@link #failedAuthentication} uses the allowance up.
     */
    OptionalLong authenticationRefused(String clientAddress) {
        Bucket bucket = failedAuthentications.find(clientAddress);
        if (bucket == null) {
            return OptionalLong.empty();
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return nanos == 0 ? OptionalLong.empty() : OptionalLong.of(seconds(nanos));
    }

    /** Counts a failed authentication from the address: empty while it had allowance left, else the seconds to wait. */
    OptionalLong failedAuthentication(String clientAddress) {
        Limits current = limits;
        return take(failedAuthentications.get(clientAddress, address -> bucket(current.failedAuthenticationsPerMinute(),
                current.failedAuthenticationsPerMinute(), Duration.ofMinutes(1))));
    }

    /** Takes one notification from the tenant's allowance with the provider: empty if granted, else the seconds to wait. */
    OptionalLong notification(TenantId tenant, String provider) {
        Limits current = limits;
        return take(notifications.get(tenant.value() + "/" + provider, key -> bucket(current.notificationBurst(),
                current.notificationsPerSecond(), Duration.ofSeconds(1))));
    }

    private Bucket bucket(long capacity, long refill, Duration period) {
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(refill, period))
                .withCustomTimePrecision(clock).build();
    }

    private static OptionalLong take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    /** Whole seconds for Retry-After, rounded up and at least one. */
    private static long seconds(long nanos) {
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** Buckets by key, the least recently used dropped beyond {@link #MAX_TRACKED}. */
    private static final class Buckets<K> {

        private final Map<K, Bucket> byKey = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Bucket> eldest) {
                return size() > MAX_TRACKED;
            }
        };

        synchronized Bucket find(K key) {
            return byKey.get(key);
        }

        synchronized Bucket get(K key, Function<K, Bucket> create) {
            return byKey.computeIfAbsent(key, create);
        }

        synchronized void clear() {
            byKey.clear();
        }
    }
}
