package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.net.URI;
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
import receivables.api.fx.Revaluation;
import receivables.api.fx.Revaluations;
import receivables.impl.validation.internal.Violations;

/** {@code /api/v1/fx-revaluations}: revalue open foreign receivables at a period end, and read revaluations. */
@Component(service = RevaluationResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("fx-revaluations")
@Produces(MediaType.APPLICATION_JSON)
public class RevaluationResource {

    /** The day to revalue at. */
    public record RevaluationBody(LocalDate asOf) {
    }

    @Reference
    Revaluations revaluations;

    @Permitted({ FINANCE_MANAGER })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = Revaluation.class)
    public Response revalue(@Context ContainerRequestContext request, RevaluationBody body) {
        Violations violations = new Violations();
        if (body == null) {
            violations.add("body", "is required").throwIfAny();
        }
        violations.required("asOf", body.asOf()).throwIfAny();
        Revaluation revaluation = revaluations.revalue(TenantFilter.tenantOf(request), body.asOf());
        return Response.created(URI.create("fx-revaluations/" + revaluation.id())).entity(revaluation).build();
    }

    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    public List<Revaluation> list(@Context ContainerRequestContext request) {
        return revaluations.list(TenantFilter.tenantOf(request));
    }

    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}")
    public Revaluation read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return revaluations.find(TenantFilter.tenantOf(request), QueryParameters.pathId("revaluation", id))
                .orElseThrow(() -> new NotFoundException("revaluation", id));
    }
}
