package receivables.impl.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import receivables.api.people.Caller;
import receivables.api.people.Role;

/**
 * One row of the permission table: an endpoint, named as the README names it ({@code POST /invoices/{id}/issue}),
 * and the roles its {@link Permitted} grants it to.
 *
 * @param endpoint the HTTP method and the path below {@code /api/v1}
 * @param roles    the roles that may call it; empty when the method declares none, so that nobody may
 */
record EndpointPermission(String endpoint, Set<Role> roles) {

    EndpointPermission {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The row of a resource method, or empty when the method is no endpoint. */
    static Optional<EndpointPermission> of(Class<?> resource, Method method) {
        String verb = null;
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                verb = http.value();
            }
        }
        if (verb == null) {
            return Optional.empty();
        }
        Permitted permitted = method.getAnnotation(Permitted.class);
        Set<Role> roles = permitted == null || permitted.value().length == 0 ? Set.of() : EnumSet.of(
                permitted.value()[0], permitted.value());
        return Optional.of(new EndpointPermission(verb + " /" + join(path(resource.getAnnotation(Path.class)),
                path(method.getAnnotation(Path.class))), roles));
    }

    /** Whether {@code caller} holds one of the roles. */
    boolean grants(Caller caller) {
        return roles.stream().anyMatch(caller::holds);
    }

    /**
     * Whether the caller reaches the endpoint only as a collector, who sees the customers assigned to them and no
     * others.
     */
    boolean onlyAsCollector(Caller caller) {
        return caller.holds(Role.COLLECTOR) && roles.contains(Role.COLLECTOR)
                && roles.stream().filter(role -> role != Role.COLLECTOR).noneMatch(caller::holds);
    }

    private static String path(Path path) {
        return path == null ? "" : path.value().replaceAll("^/+|/+$", "");
    }

    private static String join(String root, String sub) {
        return sub.isEmpty() ? root : root.isEmpty() ? sub : root + "/" + sub;
    }
}
