package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.FINANCE_MANAGER;

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
import receivables.api.history.HistoryFormat;
import receivables.api.history.HistoryImport;
import receivables.api.history.HistoryImports;

/**
 * {@code /api/v1/imports/history}: send another system's customers, invoices and payments as the raw body, CSV
 * ({@code text/csv}) or JSON ({@code application/json}); a valid file answers 202 and is stored in the background,
 * an invalid one 400 naming every wrong field by line, with nothing stored; its progress is read while it runs.
 */
@Component(service = HistoryImportResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("imports/history")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryImportResource {

    static final String CSV = "text/csv";

    @Reference
    HistoryImports imports;

    @Permitted({ FINANCE_MANAGER })
    @POST
    @Upload
    @Consumes(CSV)
    @Answers(value = 202, body = HistoryImport.class)
    public Response csv(@Context ContainerRequestContext request, InputStream body) {
        return start(request, HistoryFormat.CSV, body);
    }

    @Permitted({ FINANCE_MANAGER })
    @POST
    @Upload
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 202, body = HistoryImport.class)
    public Response json(@Context ContainerRequestContext request, InputStream body) {
        return start(request, HistoryFormat.JSON, body);
    }

    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}")
    public HistoryImport read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return imports.find(TenantFilter.tenantOf(request), QueryParameters.pathId("history import", id))
                .orElseThrow(() -> new NotFoundException("history import", id));
    }

    private Response start(ContainerRequestContext request, HistoryFormat format, InputStream body) {
        HistoryImport started = imports.start(TenantFilter.tenantOf(request), format, body);
        return Response.accepted(started).location(URI.create("imports/history/" + started.id())).build();
    }
}
