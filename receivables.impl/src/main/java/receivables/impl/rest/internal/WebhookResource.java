package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.TENANT_ADMIN;

import java.net.URI;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.Page;
import receivables.api.webhook.NewWebhookSubscription;
import receivables.api.webhook.WebhookDelivery;
import receivables.api.webhook.WebhookRequest;
import receivables.api.webhook.WebhookSubscription;
import receivables.api.webhook.Webhooks;

/**
 * {@code /api/v1/webhooks}: the tenant's webhook subscriptions (the signing secret is in the answer to the POST that
 * makes one, and nowhere else), each one's delivery log with its attempts, and the replay of a delivery.
 */
@Component(service = WebhookResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final Webhooks webhooks;

    @Activate
    public WebhookResource(@Reference Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Permitted({ TENANT_ADMIN })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = NewWebhookSubscription.class)
    public Response subscribe(@Context ContainerRequestContext request, WebhookRequest body) {
        NewWebhookSubscription made = webhooks.subscribe(TenantFilter.tenantOf(request), body);
        return Response.created(URI.create("webhooks/" + made.subscription().id()))
                .header("Cache-Control", "no-store")
                .entity(made)
                .build();
    }

    @Permitted({ TENANT_ADMIN, AUDITOR })
    @GET
    public List<WebhookSubscription> list(@Context ContainerRequestContext request) {
        return webhooks.subscriptions(TenantFilter.tenantOf(request));
    }

    /** Ends the subscription; its pending deliveries are given up, its log stays readable. */
    @Permitted({ TENANT_ADMIN })
    @DELETE
    @Path("{id}")
    @Answers(204)
    public Response unsubscribe(@Context ContainerRequestContext request, @PathParam("id") String id) {
        webhooks.unsubscribe(TenantFilter.tenantOf(request), QueryParameters.pathId("webhook subscription", id));
        return Response.noContent().build();
    }

    @Permitted({ TENANT_ADMIN, AUDITOR })
    @GET
    @Path("{id}/deliveries")
    public Page<WebhookDelivery> deliveries(@Context ContainerRequestContext request, @PathParam("id") String id,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return webhooks.deliveries(TenantFilter.tenantOf(request), QueryParameters.pathId("webhook subscription", id),
                QueryParameters.page(page, size));
    }

    @Permitted({ TENANT_ADMIN, AUDITOR })
    @GET
    @Path("deliveries/{delivery}")
    public WebhookDelivery delivery(@Context ContainerRequestContext request, @PathParam("delivery") String delivery) {
        return webhooks.delivery(TenantFilter.tenantOf(request), delivery);
    }

    /** Sends the delivery again under its own {@code webhook-id}, with a fresh round of attempts. */
    @Permitted({ TENANT_ADMIN })
    @POST
    @Path("deliveries/{delivery}/replay")
    @Answers(value = 202, body = WebhookDelivery.class)
    public Response replay(@Context ContainerRequestContext request, @PathParam("delivery") String delivery) {
        return Response.accepted(webhooks.replay(TenantFilter.tenantOf(request), delivery)).build();
    }
}
