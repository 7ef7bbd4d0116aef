package receivables.impl.rest.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import receivables.api.TenantId;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Resolves exactly one tenant for every request but the health check and payment notifications, or refuses
 * the request with 401.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("receivables.tenant")
@JakartarsApplicationSelect(RestApplication.SELECT)
public class TenantFilter implements ContainerRequestFilter {

    static final String TENANT_HEADER = "X-Tenant";
    static final String TENANT_PROPERTY = "receivables.tenant";
    private static final String BEARER = "Bearer ";

    @Reference
    TenantDirectory authenticator;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        // Payment channels cannot present API keys: their notifications are trusted only once a provider verified them.
        if (path.equals(HealthResource.PATH) || path.startsWith(PaymentNotificationResource.PATH_PREFIX)) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String key = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim()
                : null;
        Optional<TenantId> tenant = authenticator.authenticate(request.getHeaderString(TENANT_HEADER), key);
        if (tenant.isEmpty()) {
            request.abortWith(Response.fromResponse(ProblemResponses.response(new Problem(
                            Problem.TYPE_PREFIX + "unauthenticated", "Unauthorized", 401,
                            "Name the tenant in the X-Tenant header and present one of its API keys as "
                                    + "'Authorization: Bearer <key>'.", null)))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"receivables\"")
                    .build());
            return;
        }
        request.setProperty(TENANT_PROPERTY, tenant.get());
    }

    /** The tenant this filter resolved for the request. */
    static TenantId tenantOf(ContainerRequestContext request) {
        Object tenant = request.getProperty(TENANT_PROPERTY);
        if (tenant instanceof TenantId id) {
            return id;
        }
        throw new IllegalStateException("the tenant filter did not run for " + request.getUriInfo().getPath());
    }
}
