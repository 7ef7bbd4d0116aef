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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.impl.provider.internal.ProviderAccount;
import receivables.impl.provider.internal.ProviderAccountChange;
import receivables.impl.provider.internal.ProviderAccounts;

/**
 * {@code /api/v1/tenant/provider-accounts}: the caller's tenant's accounts with payment providers, which its tenant
 * admin creates, changes and removes. Secrets are write-only: sealed on save, listed by name, a blank one keeps its
 * value.
 */
@Component(service = ProviderAccountResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("tenant/provider-accounts")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderAccountResource {

    private final ProviderAccounts accounts;

    @Activate
    public ProviderAccountResource(@Reference ProviderAccounts accounts) {
        this.accounts = accounts;
    }

    @Permitted({ TENANT_ADMIN, AUDITOR })
    @GET
    public List<ProviderAccount> list(@Context ContainerRequestContext request) {
        return accounts.list(TenantFilter.tenantOf(request));
    }

    @Permitted({ TENANT_ADMIN })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = ProviderAccount.class)
    public Response create(@Context ContainerRequestContext request, ProviderAccountChange body) {
        ProviderAccount created = accounts.create(TenantFilter.tenantOf(request), body);
        return Response.created(URI.create("tenant/provider-accounts/" + created.provider())).entity(created).build();
    }

    @Permitted({ TENANT_ADMIN })
    @PUT
    @Path("{provider}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProviderAccount change(@Context ContainerRequestContext request, @PathParam("provider") String provider,
            ProviderAccountChange body) {
        return accounts.change(TenantFilter.tenantOf(request), provider, body);
    }

    @Permitted({ TENANT_ADMIN })
    @DELETE
    @Path("{provider}")
    public ProviderAccount delete(@Context ContainerRequestContext request, @PathParam("provider") String provider) {
        return accounts.delete(TenantFilter.tenantOf(request), provider);
    }
}
