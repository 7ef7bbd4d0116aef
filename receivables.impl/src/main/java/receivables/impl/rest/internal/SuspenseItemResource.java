package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.util.UUID;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.payment.Payment;
import receivables.api.statement.SuspenseItem;
import receivables.api.statement.SuspenseQueue;
import receivables.api.statement.SuspenseStatus;
import receivables.impl.validation.internal.Violations;

/**
 * {@code /api/v1/suspense-items}: statement lines matching could not place, for a clerk to match to an
 * invoice or a customer, or to dismiss with a reason.
 */
@Component(service = SuspenseItemResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("suspense-items")
@RequiresFeature(BankStatementResource.FEATURE)
@Produces(MediaType.APPLICATION_JSON)
public class SuspenseItemResource {

    /** The body of a match: exactly one of the two. */
    public record MatchRequest(UUID invoiceId, UUID customerId) {
    }

    /** The body of a dismissal. */
    public record DismissRequest(String reason) {
    }

    @Reference
    SuspenseQueue queue;

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    public Page<SuspenseItem> list(@Context ContainerRequestContext request, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return queue.list(TenantFilter.tenantOf(request), QueryParameters.choice("status", status, SuspenseStatus.class),
                new PageRequest(QueryParameters.integer("page", page, 0),
                        QueryParameters.integer("size", size, PageRequest.DEFAULT_SIZE)));
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}")
    public SuspenseItem read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return queue.find(TenantFilter.tenantOf(request), QueryParameters.pathId("suspense item", id))
                .orElseThrow(() -> new NotFoundException("suspense item", id));
    }

    /** Books the line as a payment: to the invoice (its customer pays), or to the customer. */
    @Permitted({ CLERK })
    @POST
    @Path("{id}/match")
    @Consumes(MediaType.APPLICATION_JSON)
    public Payment match(@Context ContainerRequestContext request, @PathParam("id") String id, MatchRequest match) {
        UUID itemId = QueryParameters.pathId("suspense item", id);
        MatchRequest body = match == null ? new MatchRequest(null, null) : match;
        if ((body.invoiceId() == null) == (body.customerId() == null)) {
            new Violations().add("invoiceId", "give either invoiceId or customerId").throwIfAny();
        }
        return body.invoiceId() != null
                ? queue.matchToInvoice(TenantFilter.tenantOf(request), itemId, body.invoiceId())
                : queue.matchToCustomer(TenantFilter.tenantOf(request), itemId, body.customerId());
    }

    @Permitted({ CLERK })
    @POST
    @Path("{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    public SuspenseItem dismiss(@Context ContainerRequestContext request, @PathParam("id") String id,
            DismissRequest dismissal) {
        return queue.dismiss(TenantFilter.tenantOf(request), QueryParameters.pathId("suspense item", id),
                dismissal == null ? null : dismissal.reason());
    }
}
