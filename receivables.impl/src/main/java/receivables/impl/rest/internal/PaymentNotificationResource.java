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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.intent.NotificationAnswer;
import receivables.api.intent.PaymentIntents;
import receivables.api.provider.RawNotification;
import receivables.impl.provider.internal.ProviderDirectory;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * {@code /api/v1/payments/notifications/{provider}?tenant=<id>}: where payment channels report. The request is
 * handed as it came to the provider, which verifies it; only then does anything change. While the tenant has an
 * account for a provider whose bundle is not installed (taken away for an update, say), the answer is 503 with
 * {@code Retry-After}, so that the channel sends the notification again, never a 404 after which it would give up.
 */
@Component(service = PaymentNotificationResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("payments")
public class PaymentNotificationResource {

    /** How soon a channel should try again while the provider is away: a bundle update takes seconds. */
    static final int RETRY_AFTER_SECONDS = 30;

    @Reference
    PaymentIntents intents;

    @Reference
    TenantDirectory tenants;

    @Reference
    RequestThrottles throttles;

    @Reference
    ProviderDirectory providers;

    @POST
    @Path("notifications/{provider}")
    @CredentialsOptional
    @Answers(value = 200, refusals = @Answers.Refusal(status = 503, type = "provider-unavailable"))
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
        NotificationAnswer answer;
        try {
            answer = intents.notify(id, provider, notification);
        } catch (NotFoundException missing) {
            if (awaitedButAbsent(id, provider)) {
                return unavailable(provider);
            }
            throw missing;
        }
        return Response.ok(answer.body(), answer.contentType()).build();
    }

    /** Whether the tenant has an enabled account for the provider while no bundle provides it. */
    private boolean awaitedButAbsent(TenantId tenant, String provider) {
        return providers.enabled(tenant, provider) && providers.installed(provider).isEmpty();
    }

    private static Response unavailable(String provider) {
        return Response.fromResponse(ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "provider-unavailable",
                "Service Unavailable", 503, "The payment provider '" + provider + "' is not installed at the moment; "
                        + "send the notification again later.", null)))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
