package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.COLLECTOR;
import static receivables.api.people.Role.FINANCE_MANAGER;
import static receivables.api.people.Role.TENANT_ADMIN;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import receivables.api.ui.FragmentDescription;
import receivables.api.ui.UiFragments;

/** {@code /api/v1/ui-fragments}: the screens of the tenant's features that the caller's roles see, for the web UI's shell. */
@Component(service = UiFragmentResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("ui-fragments")
@Produces(MediaType.APPLICATION_JSON)
public class UiFragmentResource {

    @Reference
    UiFragments fragments;

    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @GET
    public List<FragmentDescription> list(@Context ContainerRequestContext request) {
        return fragments.forCaller(TenantFilter.callerOf(request));
    }
}
