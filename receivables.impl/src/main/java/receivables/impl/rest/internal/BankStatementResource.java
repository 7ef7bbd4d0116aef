package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.FieldViolation;
import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.statement.ImportedStatement;
import receivables.api.statement.StatementImport;
import receivables.api.statement.StatementImports;

/**
 * {@code /api/v1/bank-statements}: upload a bank-statement file (camt.052/053/054, MT940/MT942) as the raw body;
 * it is imported and matched in the background, and its progress read while it runs; the tenant's imports
 * newest first; the statements of an import with their opening and closing balances.
 */
@Component(service = BankStatementResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("bank-statements")
@RequiresFeature(BankStatementResource.FEATURE)
@Produces(MediaType.APPLICATION_JSON)
public class BankStatementResource {

    static final String FEATURE = "bank-reconciliation";

    /** The media types a statement file is taken as; a bank file is sent as it is, whatever its format. */
    static final List<String> ACCEPTED = List.of(MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_XML,
            MediaType.TEXT_XML, MediaType.TEXT_PLAIN);

    @Reference
    StatementImports imports;

    @Permitted({ CLERK })
    @POST
    @Upload
    @Consumes({ MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN })
    @Answers(value = 202, body = StatementImport.class)
    public Response upload(@Context ContainerRequestContext request, InputStream body) {
        StatementImport started = imports.start(TenantFilter.tenantOf(request), body);
        return Response.accepted(started).location(URI.create("bank-statements/" + started.id())).build();
    }

    /**
     * Any other media type: a 415 that names the ones taken (the generic answer would ask for JSON, which a
     * statement file never is); a body without a media type is taken as the raw file.
     */
    @Permitted({ CLERK })
    @POST
    @Upload
    @Consumes(MediaType.WILDCARD)
    @Answers(value = 202, body = StatementImport.class, refusals = @Answers.Refusal(status = 415, type = "about:blank"))
    public Response uploadOther(@Context ContainerRequestContext request,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        if (contentType == null || contentType.isBlank()) {
            return upload(request, body);
        }
        String accepted = String.join(", ", ACCEPTED);
        return ProblemResponses.response(new Problem("about:blank", "Unsupported Media Type", 415,
                "Send the statement file as it came from the bank, as one of " + accepted + "; not as " + contentType + ".",
                List.of(FieldViolation.of("Content-Type", "must be one of " + accepted))));
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    public Page<StatementImport> list(@Context ContainerRequestContext request, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return imports.list(TenantFilter.tenantOf(request), pageRequest(page, size));
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}")
    public StatementImport read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return imports.find(TenantFilter.tenantOf(request), QueryParameters.pathId("bank statement", id))
                .orElseThrow(() -> new NotFoundException("bank statement", id));
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}/statements")
    public Page<ImportedStatement> statements(@Context ContainerRequestContext request, @PathParam("id") String id,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return imports.statements(TenantFilter.tenantOf(request), QueryParameters.pathId("bank statement", id),
                pageRequest(page, size));
    }

    private static PageRequest pageRequest(String page, String size) {
        return new PageRequest(QueryParameters.integer("page", page, 0),
                QueryParameters.integer("size", size, PageRequest.DEFAULT_SIZE));
    }
}
