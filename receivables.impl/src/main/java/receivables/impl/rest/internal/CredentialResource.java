package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.TENANT_ADMIN;

import java.net.URI;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.people.CredentialRequest;
import receivables.api.people.IssuedCredential;
import receivables.api.people.MachineCredential;
import receivables.api.people.MachineCredentials;
import receivables.impl.validation.internal.Violations;

/**
 * {@code /api/v1/credentials}: the tenant's machine credentials, issued (the secret shown in that answer only),
 * listed (never a secret) and revoked by a tenant admin.
 */
@Component(service = CredentialResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("credentials")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialResource {

    private final MachineCredentials credentials;

    @Activate
    public CredentialResource(@Reference MachineCredentials credentials) {
        this.credentials = credentials;
    }

    @Permitted({ TENANT_ADMIN })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = IssuedCredential.class)
    public Response issue(@Context ContainerRequestContext request, CredentialRequest body) {
        if (body == null) {
            new Violations().add("body", "is required").throwIfAny();
        }
        IssuedCredential issued = credentials.issue(TenantFilter.tenantOf(request), body,
                TenantFilter.callerOf(request).actor());
        return Response.created(URI.create("credentials/" + issued.credential().id()))
                .header("Cache-Control", "no-store")
                .entity(issued)
                .build();
    }

    @Permitted({ TENANT_ADMIN, AUDITOR })
    @GET
    public List<MachineCredential> list(@Context ContainerRequestContext request) {
        return credentials.list(TenantFilter.tenantOf(request));
    }

    @Permitted({ TENANT_ADMIN })
    @DELETE
    @Path("{id}")
    public MachineCredential revoke(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return credentials.revoke(TenantFilter.tenantOf(request), QueryParameters.pathId("credential", id),
                TenantFilter.callerOf(request).actor());
    }
}
