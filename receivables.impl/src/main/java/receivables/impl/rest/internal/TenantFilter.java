package receivables.impl.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import receivables.api.TenantId;
import receivables.api.audit.Actor;
import receivables.impl.audit.internal.CallerContext;
import receivables.impl.audit.internal.CallerScope;
import receivables.impl.audit.internal.ConfigurationAudit;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Decides who may call the resource that matched the request, by what that resource declares, never by its
 * path: exactly one tenant, authenticated by one of its API keys, unless the resource is
 * {@link CredentialsOptional}; and only a tenant that has the feature a {@link RequiresFeature} resource names.
 * Refuses with 401, 403, or 429 once a client address has failed to authenticate too often.
 */
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class })
@JakartarsExtension
@JakartarsName("receivables.tenant")
@JakartarsApplicationSelect(RestApplication.SELECT)
public class TenantFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String TENANT_HEADER = "X-Tenant";
    static final String TENANT_PROPERTY = "receivables.tenant";
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String REQUEST_ID_PROPERTY = "receivables.requestId";
    private static final Pattern ACCEPTABLE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String BEARER = "Bearer ";
    private static final Actor ANONYMOUS = Actor.system("unauthenticated");

    @Reference
    TenantDirectory authenticator;

    @Reference
    RequestThrottles throttles;

    @Reference
    CallerScope callers;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String requestId = requestId(request.getHeaderString(REQUEST_ID_HEADER));
        request.setProperty(REQUEST_ID_PROPERTY, requestId);
        callers.enter(new CallerContext(ANONYMOUS, servletRequest.getRemoteAddr(), requestId));
        boolean optional = declared(CredentialsOptional.class) != null;
        String tenantHeader = request.getHeaderString(TENANT_HEADER);
        String key = bearerKey(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (optional && tenantHeader == null && key == null) {
            return;
        }
        String client = servletRequest.getRemoteAddr();
        OptionalLong refused = throttles.authenticationRefused(client);
        if (refused.isPresent()) {
            request.abortWith(tooManyFailures(refused.getAsLong()));
            return;
        }
        Optional<TenantId> tenant = authenticator.authenticate(tenantHeader, key);
        if (tenant.isEmpty()) {
            OptionalLong exhausted = throttles.failedAuthentication(client);
            if (exhausted.isPresent()) {
                request.abortWith(tooManyFailures(exhausted.getAsLong()));
            } else if (!optional) {
                request.abortWith(unauthenticated());
            }
            return;
        }
        request.setProperty(TENANT_PROPERTY, tenant.get());
        callers.enter(callers.current().withActor(Actor.credential(ConfigurationAudit.credentialId(key))));
        RequiresFeature feature = declared(RequiresFeature.class);
        if (feature != null && !authenticator.features(tenant.get()).contains(feature.value())) {
            request.abortWith(ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "feature-not-enabled",
                    "Forbidden", 403, "The feature '" + feature.value() + "' is not enabled for this tenant.", null)));
        }
    }

    /** Echoes the request's id, and forgets its caller: the thread serves another request next. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(REQUEST_ID_PROPERTY);
        response.getHeaders().putSingle(REQUEST_ID_HEADER,
                requestId instanceof String id ? id : requestId(request.getHeaderString(REQUEST_ID_HEADER)));
        callers.leave();
    }

    /** The client's request id when it is a plain token that fits the trail, else a fresh one. */
    static String requestId(String offered) {
        return offered != null && ACCEPTABLE_REQUEST_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The tenant this filter resolved for the request. */
    static TenantId tenantOf(ContainerRequestContext request) {
        Object tenant = request.getProperty(TENANT_PROPERTY);
        if (tenant instanceof TenantId id) {
            return id;
        }
        throw new IllegalStateException("the tenant filter did not run for " + request.getUriInfo().getPath());
    }

    /** The tenant of a request to a {@link CredentialsOptional} resource, when it presented valid credentials. */
    static Optional<TenantId> authenticatedTenant(ContainerRequestContext request) {
        return request.getProperty(TENANT_PROPERTY) instanceof TenantId id ? Optional.of(id) : Optional.empty();
    }

    /** The annotation on the matched resource method, or else on its class. */
    private <A extends Annotation> A declared(Class<A> type) {
        Method method = resource.getResourceMethod();
        Class<?> owner = resource.getResourceClass();
        A onMethod = method == null ? null : method.getAnnotation(type);
        return onMethod != null ? onMethod : owner == null ? null : owner.getAnnotation(type);
    }

    private static String bearerKey(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim()
                : null;
    }

    private static Response unauthenticated() {
        return Response.fromResponse(ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "unauthenticated",
                        "Unauthorized", 401, "Name the tenant in the X-Tenant header and present one of its API keys as "
                                + "'Authorization: Bearer <key>'.", null)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"receivables\"")
                .build();
    }

    private static Response tooManyFailures(long retryAfterSeconds) {
        return ProblemResponses.tooManyRequests("Too many failed authentications from this address", retryAfterSeconds);
    }
}
