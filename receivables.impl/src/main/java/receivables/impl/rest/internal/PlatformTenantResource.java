package receivables.impl.rest.internal;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.platform.ManagedTenant;
import receivables.api.platform.NewTenant;
import receivables.api.platform.TenantAdministration;

/**
 * {@code /api/v1/platform/tenants}: the installation's tenants, for platform administrators only (listed, created,
 * their features switched). No tenant's caller reaches it, and it reaches no tenant's books.
 */
@Component(service = PlatformTenantResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("platform/tenants")
@Produces(MediaType.APPLICATION_JSON)
@PlatformOnly
public class PlatformTenantResource {

    /**
     * The body of {@code PUT /platform/tenants/{id}/features} and of the tenant admin's {@code PUT /tenant/features}:
     * every feature the tenant has from now on.
     */
    public record Features(List<String> features) {

        /** The features of a body, {@code null} when there is none; {@link TenantAdministration} refuses that. */
        static Set<String> of(Features body) {
            return body == null || body.features() == null ? null : new LinkedHashSet<>(body.features());
        }
    }

    private final TenantAdministration tenants;

    @Activate
    public PlatformTenantResource(@Reference TenantAdministration tenants) {
        this.tenants = tenants;
    }

    @GET
    public List<ManagedTenant> list() {
        return tenants.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = ManagedTenant.class)
    public Response create(NewTenant tenant) {
        ManagedTenant created = tenants.create(tenant);
        return Response.created(URI.create("platform/tenants/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}/features")
    @Consumes(MediaType.APPLICATION_JSON)
    public ManagedTenant switchFeatures(@PathParam("id") String id, Features body) {
        return tenants.switchFeatures(id, Features.of(body));
    }
}
