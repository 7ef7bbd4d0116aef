package receivables.impl.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import receivables.api.people.AuthenticationVerdict;
import receivables.api.people.Caller;
import receivables.api.people.CallerAuthentication;
import receivables.api.people.PlatformAdministrator;
import receivables.api.people.PresentedCredentials;
import receivables.api.people.Principal;
import receivables.api.people.Role;
import receivables.impl.audit.internal.CallerContext;
import receivables.impl.audit.internal.CallerScope;
import receivables.impl.persistence.internal.DatabaseUnavailableException;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Decides who may call the resource that matched the request, by what that resource declares, never by its
 * path: exactly one tenant's caller, authenticated by one of the registered {@link CallerAuthentication}s (asked
 * in order of service ranking, highest first), unless the resource is {@link CredentialsOptional}; and only a
 * tenant that has the feature a {@link RequiresFeature} resource names; and only a caller who holds a role the
 * resource method is {@link Permitted} to (403 naming the missing permission otherwise). Refuses with 401, 403, or 429 once a
 * client address has failed to authenticate too often. The caller is kept for the resource
 * ({@link #callerOf}) and for the audit trail ({@link CallerScope}).
 */
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class })
@JakartarsExtension
@JakartarsName("receivables.tenant")
@JakartarsApplicationSelect(RestApplication.SELECT)
public class TenantFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String TENANT_HEADER = PresentedCredentials.TENANT_HEADER;
    static final String TENANT_PROPERTY = "receivables.tenant";
    static final String CALLER_PROPERTY = "receivables.caller";
    private static final String ASSIGNED_ONLY_PROPERTY = "receivables.assignedOnly";
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String REQUEST_ID_PROPERTY = "receivables.requestId";
    private static final Pattern ACCEPTABLE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Actor ANONYMOUS = Actor.system("unauthenticated");
    private static final Logger LOG = LoggerFactory.getLogger(TenantFilter.class);

    @Reference
    TenantDirectory authenticator;

    @Reference
    RequestThrottles throttles;

    @Reference
    RequestOrigins origins;

    @Reference
    CallerScope callers;

    /** Each with its service properties, to be asked in ranking order. */
    @Reference(service = CallerAuthentication.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, CallerAuthentication>> authentications = List.of();

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String requestId = requestId(request.getHeaderString(REQUEST_ID_HEADER));
        request.setProperty(REQUEST_ID_PROPERTY, requestId);
        String client = origins.clientAddress(servletRequest.getRemoteAddr(),
                request.getHeaderString("X-Forwarded-For"));
        callers.enter(new CallerContext(ANONYMOUS, client, requestId));
        boolean optional = declared(CredentialsOptional.class) != null;
        PresentedCredentials presented = presented(request, client);
        boolean claims = presented.tenant().isPresent() || presented.header(HttpHeaders.AUTHORIZATION).isPresent();
        if (!optional || claims) {
            OptionalLong refused = throttles.authenticationRefused(client);
            if (refused.isPresent()) {
                request.abortWith(tooManyFailures(refused.getAsLong()));
                return;
            }
        }
        Optional<Principal> principal = authenticate(presented);
        if (principal.isEmpty()) {
            boolean failed = !optional || claims;
            OptionalLong exhausted = failed ? throttles.failedAuthentication(client) : OptionalLong.empty();
            if (exhausted.isPresent()) {
                request.abortWith(tooManyFailures(exhausted.getAsLong()));
            } else if (!optional) {
                request.abortWith(unauthenticated());
            }
            return;
        }
        callers.enter(callers.current().withActor(principal.get().actor()));
        if (declared(PlatformOnly.class) != null) {
            if (!(principal.get() instanceof PlatformAdministrator)) {
                request.abortWith(ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "platform-only",
                        "Forbidden", 403, "Only platform administrators manage the installation's tenants.", null)));
            }
            return;
        }
        if (!(principal.get() instanceof Caller caller)) {
            if (!optional) {
                request.abortWith(ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "outside-tenants",
                        "Forbidden", 403, "Platform administrators manage tenants from outside them and act for no tenant.",
                        null)));
            }
            return;
        }
        request.setProperty(TENANT_PROPERTY, caller.tenant());
        request.setProperty(CALLER_PROPERTY, caller);
        if (!optional) {
            Optional<EndpointPermission> permission = EndpointPermission.of(resource.getResourceClass(),
                    resource.getResourceMethod());
            if (permission.isEmpty() || !permission.get().grants(caller)) {
                request.abortWith(forbidden(permission, caller));
                return;
            }
            request.setProperty(ASSIGNED_ONLY_PROPERTY, permission.get().onlyAsCollector(caller));
        }
        RequiresFeature feature = declared(RequiresFeature.class);
        if (feature != null && !authenticator.features(caller.tenant()).contains(feature.value())) {
            request.abortWith(ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "feature-not-enabled",
                    "Forbidden", 403, "The feature '" + feature.value() + "' is not enabled for this tenant.", null)));
        }
    }

    /** The 403 that names the permission the caller lacks and the roles that have it. */
    private static Response forbidden(Optional<EndpointPermission> permission, Caller caller) {
        return forbidden(permission.orElseGet(() -> new EndpointPermission("this endpoint", Set.of())), caller);
    }

    /** The 403 that names the permission the caller lacks and the roles that have it. */
    static Response forbidden(EndpointPermission permission, Caller caller) {
        String grantedTo = permission.roles().isEmpty() ? "no role is granted it"
                : "it is granted to " + names(permission.roles());
        return ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "permission-missing", "Forbidden", 403,
                "The permission '" + permission.endpoint() + "' is missing: " + grantedTo + ", and the caller holds "
                        + (caller.roles().isEmpty() ? "no role" : names(caller.roles())) + ".", null));
    }

    private static String names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(", "));
    }

    /**
     * Whether the request reaches its endpoint only as a collector, so that it may see only the customers assigned to
     * its caller; a resource that serves customers' data answers 404 for the others.
     */
    static boolean assignedOnly(ContainerRequestContext request) {
        return Boolean.TRUE.equals(request.getProperty(ASSIGNED_ONLY_PROPERTY));
    }

    /**
     * The principal of the first authentication, in ranking order, that accepts the request; empty when none does,
     * or when the request names a tenant its caller does not act for.
     */
    private Optional<Principal> authenticate(PresentedCredentials presented) {
        List<Map.Entry<Map<String, Object>, CallerAuthentication>> ordered = new ArrayList<>(authentications);
        ordered.sort(Comparator.comparing((Map.Entry<Map<String, Object>, CallerAuthentication> entry) -> ranking(entry.getKey()))
                .reversed()
                .thenComparing(entry -> serviceId(entry.getKey())));
        for (Map.Entry<Map<String, Object>, CallerAuthentication> authentication : ordered) {
            AuthenticationVerdict verdict;
            try {
                verdict = authentication.getValue().authenticate(presented);
            } catch (DatabaseUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("The authentication {} failed; the request is not authenticated by it",
                        authentication.getValue().getClass().getName(), e);
                continue;
            }
            if (verdict instanceof AuthenticationVerdict.Authenticated accepted) {
                Principal principal = accepted.principal();
                boolean otherTenant = principal instanceof Caller caller && presented.tenant()
                        .filter(named -> !named.equals(caller.tenant().value())).isPresent();
                return otherTenant ? Optional.empty() : Optional.of(principal);
            }
            if (verdict instanceof AuthenticationVerdict.Rejected rejected) {
                LOG.debug("{} rejected a request: {}", authentication.getValue().getClass().getName(), rejected.reason());
            }
        }
        return Optional.empty();
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_ID) instanceof Long id ? id : Long.MAX_VALUE;
    }

    private PresentedCredentials presented(ContainerRequestContext request, String client) {
        Map<String, String> cookies = new HashMap<>();
        request.getCookies().forEach((name, cookie) -> cookies.put(name, cookie.getValue()));
        return new PresentedCredentials(request.getMethod(), request.getUriInfo().getPath(), client,
                request.getHeaders(), cookies);
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

    /** The caller this filter authenticated for the request. */
    static Caller callerOf(ContainerRequestContext request) {
        Object caller = request.getProperty(CALLER_PROPERTY);
        if (caller instanceof Caller known) {
            return known;
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

    private static Response unauthenticated() {
        return Response.fromResponse(ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "unauthenticated",
                        "Unauthorized", 401, "Present credentials: name the tenant in the X-Tenant header and present "
                                + "one of its API keys or credentials as 'Authorization: Bearer <key>', or an access token "
                                + "or session the installation accepts.", null)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"receivables\"")
                .build();
    }

    private static Response tooManyFailures(long retryAfterSeconds) {
        return ProblemResponses.tooManyRequests("Too many failed authentications from this address", retryAfterSeconds);
    }
}
