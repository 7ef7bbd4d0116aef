package receivables.impl.rest.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

import receivables.impl.validation.internal.ValueRanges;
import receivables.impl.validation.internal.Violations;

/**
 * Path parameters, query parameters and headers pass the same text check as JSON fields
 * ({@link ValueRanges#textProblem}): a NUL or half a surrogate pair in any of them is refused naming it, before
 * a resource reads it or a query carries it to the database. It runs after the tenant filter (whose priority is
 * the default, {@link Priorities#USER}), so that a caller without credentials learns nothing more than that.
 */
@Component(service = ContainerRequestFilter.class)
@Priority(Priorities.USER + 1)
@JakartarsExtension
@JakartarsName("receivables.parameter-text")
@JakartarsApplicationSelect(RestApplication.SELECT)
public class ParameterText implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        Violations violations = new Violations();
        check(violations, request.getUriInfo().getPathParameters());
        check(violations, request.getUriInfo().getQueryParameters());
        check(violations, request.getHeaders());
        violations.throwIfAny();
    }

    private static void check(Violations violations, Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> values.forEach(value ->
                violations.inRange(name, value, ValueRanges::textProblem)));
    }
}
