package receivables.impl.rest.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Where a request comes from, as far as the installation's {@link TrustedProxies} (the request-limits
 * configuration's {@code trustedProxies}) let it be believed: the client's address, which allowances are counted
 * against and the audit trail records, and whether the client used https, which decides the session cookie's
 * {@code Secure}.
 */
@Component(service = RequestOrigins.class, configurationPid = RequestLimitsConfiguration.PID)
public class RequestOrigins {

    private volatile TrustedProxies proxies;

    @Activate
    public RequestOrigins(RequestLimitsConfiguration config) {
        configure(config);
    }

    @Modified
    void configure(RequestLimitsConfiguration config) {
        proxies = TrustedProxies.of(config.trustedProxies());
    }

    /** The TCP peer's address, or behind a trusted proxy the client's it forwards for. */
    String clientAddress(String peer, String forwardedFor) {
        return proxies.client(peer, forwardedFor);
    }

    /** Whether a trusted proxy says the client used https (its {@code X-Forwarded-Proto}); any other peer's is ignored. */
    boolean forwardedHttps(String peer, String forwardedProto) {
        return proxies.forwardedHttps(peer, forwardedProto);
    }
}
