package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.COLLECTOR;
import static receivables.api.people.Role.FINANCE_MANAGER;
import static receivables.api.people.Role.TENANT_ADMIN;

import org.osgi.service.component.annotations.Activate;
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

import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TenantProfile;

/** {@code /api/v1/tenant}: the caller's tenant as the web UI shows it (name, time zone, functional currency). */
@Component(service = TenantProfileResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("tenant")
@Produces(MediaType.APPLICATION_JSON)
public class TenantProfileResource {

    private final TenantDirectory tenants;

    @Activate
    public TenantProfileResource(@Reference TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @GET
    public TenantProfile read(@Context ContainerRequestContext request) {
        TenantId tenant = TenantFilter.tenantOf(request);
        return tenants.profile(tenant).orElseThrow(() -> new NotFoundException("tenant", tenant.value()));
    }
}
