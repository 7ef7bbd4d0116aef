package receivables.impl.rest.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import receivables.api.TenantId;
import receivables.impl.persistence.internal.Database;

/**
 * The allowances that keep a hostile client from guessing API keys or flooding the notification endpoints: token
 * buckets in the database ({@link RequestAllowances}), so that every node of an installation counts against the
 * same ones, one per client address for failed authentications and one per tenant and provider for payment
 * notifications. A failed authentication or a notification costs one statement; a request that authenticates
 * costs none: whether an address must wait is answered from what this node learnt at its last failure there, at
 * most {@link #MAX_TRACKED} addresses, the least recently used dropped. While the database is away a failed
 * authentication or a notification fails with {@link receivables.impl.persistence.internal.DatabaseUnavailableException}
 * (503, retry later), never with a refusal: nobody is locked out by a database that cannot count.
 */
@Component(service = RequestThrottles.class, configurationPid = RequestLimitsConfiguration.PID)
@Designate(ocd = RequestLimitsConfiguration.class)
public class RequestThrottles {

    static final int MAX_TRACKED = 10_000;
    static final String FAILED_AUTHENTICATIONS = "failed-authentication";
    static final String NOTIFICATIONS = "notification";

    private final RequestAllowances allowances;
    private final Clock clock;
    private volatile Limits limits;
    private final RefusedAddresses refused = new RefusedAddresses();

    /** The limits of the request-limits configuration. */
    record Limits(long maxBodyBytes, long maxUploadBytes, int failedAuthenticationsPerMinute, int notificationsPerSecond,
            int notificationBurst) {

        Limits {
            if (maxBodyBytes < 1 || maxUploadBytes < 1 || failedAuthenticationsPerMinute < 1 || notificationsPerSecond < 1
                    || notificationBurst < 1) {
                throw new IllegalArgumentException(RequestLimitsConfiguration.PID + ": every limit must be at least 1");
            }
        }

        RequestAllowances.Kind failedAuthentications() {
            return new RequestAllowances.Kind(FAILED_AUTHENTICATIONS, failedAuthenticationsPerMinute,
                    Math.max(1, TimeUnit.MINUTES.toMicros(1) / failedAuthenticationsPerMinute), 1);
        }

        RequestAllowances.Kind notifications() {
            return new RequestAllowances.Kind(NOTIFICATIONS, notificationBurst,
                    Math.max(1, TimeUnit.SECONDS.toMicros(1) / notificationsPerSecond), 0);
        }
    }

    @Activate
    public RequestThrottles(@Reference Database database, RequestLimitsConfiguration config) {
        this(database, Clock.systemUTC());
        configure(config);
    }

    RequestThrottles(Database database, Clock clock) {
        this.allowances = new RequestAllowances(database);
        this.clock = clock;
    }

    @Modified
    void configure(RequestLimitsConfiguration config) {
        configure(new Limits(config.maxBodyBytes(), config.maxUploadBytes(), config.failedAuthenticationsPerMinute(),
                config.notificationsPerSecond(), config.notificationBurst()));
    }

    /**
     * New limits, which start from full allowances: the shared buckets are kept per limits (nodes on the same
     * configuration share them), and what this node learnt of refused addresses is forgotten.
     */
    void configure(Limits limits) {
        this.limits = limits;
        refused.clear();
    }

    Limits limits() {
        return limits;
    }

    /**
     * Whether the address may try to authenticate now: empty if so, else the seconds until it may. Asking costs no
     * statement: the answer is what this node's last failed authentication from the address left. On a node that
     * has not seen the address fail yet, the first failure is counted in the shared allowance and refused there.
     */
    OptionalLong authenticationRefused(String clientAddress) {
        long wait = refused.until(clientAddress) - micros();
        return wait > 0 ? OptionalLong.of(seconds(wait)) : OptionalLong.empty();
    }

    /** Counts a failed authentication from the address: empty while it had allowance left, else the seconds to wait. */
    OptionalLong failedAuthentication(String clientAddress) {
        long now = micros();
        RequestAllowances.Take take = allowances.takeForInstallation(limits.failedAuthentications(), clientAddress, now);
        if (take.waitMicros() > 0) {
            refused.remember(clientAddress, now + take.waitMicros());
        } else {
            refused.forget(clientAddress);
        }
        return take.granted() ? OptionalLong.empty() : OptionalLong.of(seconds(take.waitMicros()));
    }

    /** Takes one notification from the tenant's allowance with the provider: empty if granted, else the seconds to wait. */
    OptionalLong notification(TenantId tenant, String provider) {
        RequestAllowances.Take take = allowances.take(tenant, limits.notifications(), provider, micros());
        return take.granted() ? OptionalLong.empty() : OptionalLong.of(seconds(take.waitMicros()));
    }

    /** Deletes the tenant's full buckets, which are the same as none. */
    int forgetFull(TenantId tenant) {
        return allowances.forgetFull(tenant, micros());
    }

    /** Deletes the full per-address buckets. */
    int forgetFullAddresses() {
        return allowances.forgetFullForInstallation(micros());
    }

    private long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }

    /** Whole seconds for Retry-After, rounded up and at least one. */
    private static long seconds(long micros) {
        return Math.max(1, (micros + TimeUnit.SECONDS.toMicros(1) - 1) / TimeUnit.SECONDS.toMicros(1));
    }

    /** Until when each address must wait, as this node last learnt it; the least recently used dropped. */
    private static final class RefusedAddresses {

        private final Map<String, Long> until = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > MAX_TRACKED;
            }
        };

        synchronized long until(String address) {
            return until.getOrDefault(address, 0L);
        }

        synchronized void remember(String address, long micros) {
            until.put(address, micros);
        }

        synchronized void forget(String address) {
            until.remove(address);
        }

        synchronized void clear() {
            until.clear();
        }
    }
}
