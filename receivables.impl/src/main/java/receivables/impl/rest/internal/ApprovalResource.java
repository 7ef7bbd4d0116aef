package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.FINANCE_MANAGER;

import org.osgi.service.component.annotations.Activate;
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
import receivables.api.approval.ApprovalRequest;
import receivables.api.approval.ApprovalStatus;
import receivables.api.approval.Approvals;

/**
 * {@code /api/v1/approvals}: write-offs, credit notes and credit-limit raises that wait for a second finance manager
 * (four eyes), listed, approved and rejected. The requests themselves arise where the commands are given, which then
 * answer 202 with the request.
 */
@Component(service = ApprovalResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    /** The body of a decision: an optional note of at most 200 characters. */
    public record Decision(String note) {
    }

    private final Approvals approvals;

    @Activate
    public ApprovalResource(@Reference Approvals approvals) {
        this.approvals = approvals;
    }

    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    public Page<ApprovalRequest> list(@Context ContainerRequestContext request, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return approvals.list(TenantFilter.tenantOf(request),
                QueryParameters.choice("status", status, ApprovalStatus.class),
                new PageRequest(QueryParameters.integer("page", page, 0),
                        QueryParameters.integer("size", size, PageRequest.DEFAULT_SIZE)));
    }

    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}")
    public ApprovalRequest read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return approvals.find(TenantFilter.tenantOf(request), QueryParameters.pathId("approval request", id))
                .orElseThrow(() -> new NotFoundException("approval request", id));
    }

    @Permitted({ FINANCE_MANAGER })
    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 200, body = ApprovalRequest.class, refusals = @Answers.Refusal(status = 403, type = "own-request"))
    public ApprovalRequest approve(@Context ContainerRequestContext request, @PathParam("id") String id,
            Decision decision) {
        return approvals.approve(TenantFilter.tenantOf(request), QueryParameters.pathId("approval request", id),
                TenantFilter.callerOf(request).actor(), decision == null ? null : decision.note());
    }

    @Permitted({ FINANCE_MANAGER })
    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApprovalRequest reject(@Context ContainerRequestContext request, @PathParam("id") String id,
            Decision decision) {
        return approvals.reject(TenantFilter.tenantOf(request), QueryParameters.pathId("approval request", id),
                TenantFilter.callerOf(request).actor(), decision == null ? null : decision.note());
    }
}
