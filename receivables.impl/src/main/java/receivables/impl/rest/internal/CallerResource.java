package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.COLLECTOR;
import static receivables.api.people.Role.FINANCE_MANAGER;
import static receivables.api.people.Role.TENANT_ADMIN;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import receivables.api.people.Caller;

/**
 * {@code /api/v1/caller}: whom the request acts as (tenant, actor, roles), so that a UI shows what the caller may
 * do; the server enforces it regardless.
 */
@Component(service = CallerResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("caller")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @GET
    public Caller caller(@Context ContainerRequestContext request) {
        return TenantFilter.callerOf(request);
    }
}
