package receivables.impl.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.intent.NotificationAnswer;
import receivables.api.intent.PaymentIntents;
import receivables.api.provider.RawNotification;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * {@code /api/v1/payments/notifications/{provider}?tenant=<id>}: where payment channels report. The request is
 * handed as it came to the provider, which verifies it; only then does anything change.
 */
@Component(service = PaymentNotificationResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("payments")
public class PaymentNotificationResource {

    @Reference
    PaymentIntents intents;

    @Reference
    TenantDirectory tenants;

    @Reference
    RequestThrottles throttles;

    @POST
    @Path("notifications/{provider}")
    @CredentialsOptional
    @Answers(200)
    public Response receive(@Context ContainerRequestContext request, @PathParam("provider") String provider,
            @QueryParam("tenant") String tenant, byte[] body) {
        TenantId id = TenantId.isValid(tenant) ? new TenantId(tenant) : null;
        if (id == null || !tenants.enabledTenants().contains(id)) {
            throw new NotFoundException("payment provider", provider);
        }
        OptionalLong wait = throttles.notification(id, provider);
        if (wait.isPresent()) {
            return ProblemResponses.tooManyRequests("Too many notifications for this tenant and provider", wait.getAsLong());
        }
        Map<String, List<String>> query = new TreeMap<>(request.getUriInfo().getQueryParameters());
        RawNotification notification = new RawNotification(request.getMethod(), request.getHeaders(), query,
                body == null ? new byte[0] : body);
        NotificationAnswer answer = intents.notify(id, provider, notification);
        return Response.ok(answer.body(), answer.contentType()).build();
    }
}
