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

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.platform.ManagedTenant;
import receivables.api.platform.TenantAdministration;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TenantProfile;

/**
 * {@code /api/v1/tenant}: the caller's tenant as the web UI shows it (name, time zone, functional currency), and its
 * features, which its tenant admin switches as the platform does ({@code PUT /platform/tenants/{id}/features}).
 */
@Component(service = TenantProfileResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("tenant")
@Produces(MediaType.APPLICATION_JSON)
public class TenantProfileResource {

    private final TenantDirectory tenants;
    private final TenantAdministration administration;

    @Activate
    public TenantProfileResource(@Reference TenantDirectory tenants, @Reference TenantAdministration administration) {
        this.tenants = tenants;
        this.administration = administration;
    }

    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @GET
    public TenantProfile read(@Context ContainerRequestContext request) {
        TenantId tenant = TenantFilter.tenantOf(request);
        return tenants.profile(tenant).orElseThrow(() -> new NotFoundException("tenant", tenant.value()));
    }

    /** Exactly these features from now on, for the caller's own tenant. */
    @Permitted({ TENANT_ADMIN })
    @PUT
    @Path("features")
    @Consumes(MediaType.APPLICATION_JSON)
    public ManagedTenant switchFeatures(@Context ContainerRequestContext request, PlatformTenantResource.Features body) {
        return administration.switchFeatures(TenantFilter.tenantOf(request).value(), PlatformTenantResource.Features.of(body));
    }
}
