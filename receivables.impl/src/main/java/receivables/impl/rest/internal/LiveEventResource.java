package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.COLLECTOR;
import static receivables.api.people.Role.FINANCE_MANAGER;
import static receivables.api.people.Role.TENANT_ADMIN;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/v1/events}: a server-sent-events stream of the tenant's business events as they are committed,
 * for the web UI's live alerts and screens that follow a payment. Authenticated like every endpoint; a tenant
 * sees only its own events.
 */
@Component(service = LiveEventResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("events")
public class LiveEventResource {

    private final LiveEvents events;

    @Activate
    public LiveEventResource(@Reference LiveEvents events) {
        this.events = events;
    }

    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Answers(value = 200, refusals = @Answers.Refusal(status = 429, type = "too-many-streams"))
    public void stream(@Context ContainerRequestContext request, @Context SseEventSink sink, @Context Sse sse) {
        if (!events.open(TenantFilter.tenantOf(request).value(), sink, sse)) {
            throw new WebApplicationException(tooMany());
        }
    }

    private static Response tooMany() {
        return Response.fromResponse(ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "too-many-streams",
                "Too Many Requests", 429, "This tenant has " + LiveEvents.MAX_STREAMS_PER_TENANT
                        + " live-event streams open already; close one or try again later.", null)))
                .header("Retry-After", "30").build();
    }
}
