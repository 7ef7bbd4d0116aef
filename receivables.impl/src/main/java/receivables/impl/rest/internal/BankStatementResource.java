package receivables.impl.rest.internal;

import java.io.InputStream;
import java.net.URI;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.NotFoundException;
import receivables.api.statement.StatementImport;
import receivables.api.statement.StatementImports;

/**
 * {@code /api/v1/bank-statements}: upload a bank-statement file (camt.053, camt.054, MT940) as the raw body;
 * it is imported and matched in the background, and its progress read while it runs.
 */
@Component(service = BankStatementResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("bank-statements")
@RequiresFeature(BankStatementResource.FEATURE)
@Produces(MediaType.APPLICATION_JSON)
public class BankStatementResource {

    static final String FEATURE = "bank-reconciliation";

    @Reference
    StatementImports imports;

    @POST
    @Upload
    @Consumes({ MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN })
    public Response upload(@Context ContainerRequestContext request, InputStream body) {
        StatementImport started = imports.start(TenantFilter.tenantOf(request), body);
        return Response.accepted(started).location(URI.create("bank-statements/" + started.id())).build();
    }

    @GET
    @Path("{id}")
    public StatementImport read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return imports.find(TenantFilter.tenantOf(request), QueryParameters.pathId("bank statement", id))
                .orElseThrow(() -> new NotFoundException("bank statement", id));
    }
}
