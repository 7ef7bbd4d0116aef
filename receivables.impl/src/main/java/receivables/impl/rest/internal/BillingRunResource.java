package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
import receivables.api.invoice.BillingRun;
import receivables.api.invoice.BillingRuns;
import receivables.api.invoice.SalesOrder;

/**
 * {@code /api/v1/billing-runs}: start a run over a batch of orders (or, without orders, over what the
 * host's order sources report) and follow its progress.
 */
@Component(service = BillingRunResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("billing-runs")
@Produces(MediaType.APPLICATION_JSON)
public class BillingRunResource {

    /** The body of {@code POST /billing-runs}; the issue date defaults to today. */
    public record BillingRunRequest(LocalDate issueDate, List<SalesOrder> orders) {
    }

    @Reference
    BillingRuns runs;

    Clock clock = Clock.systemUTC();

    @Permitted({ CLERK })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 202, body = BillingRun.class)
    public Response start(@Context ContainerRequestContext request, BillingRunRequest body) {
        LocalDate issueDate = body == null || body.issueDate() == null ? LocalDate.now(clock) : body.issueDate();
        BillingRun run = runs.start(TenantFilter.tenantOf(request), body == null ? List.of() : body.orders(), issueDate);
        return Response.accepted(run).location(URI.create("billing-runs/" + run.id())).build();
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}")
    public BillingRun read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return runs.find(TenantFilter.tenantOf(request), QueryParameters.pathId("billing run", id))
                .orElseThrow(() -> new NotFoundException("billing run", id));
    }
}
