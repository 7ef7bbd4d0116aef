package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.COLLECTOR;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.NotFoundException;
import receivables.api.customer.CustomerAccounts;
import receivables.api.intent.IntentRequest;
import receivables.api.intent.PaymentIntent;
import receivables.api.intent.PaymentIntents;
import receivables.api.intent.RefundRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.Invoices;
import receivables.api.money.Money;
import receivables.impl.validation.internal.Violations;

/**
 * {@code /api/v1/payment-intents}: collect an invoice through a payment provider, follow the intent, cancel it
 * or refund it. A collector starts and follows intents for the customers assigned to them (to show a QR code on
 * their phone); any other invoice or intent is not found for them.
 */
@Component(service = PaymentIntentResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("payment-intents")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentIntentResource {

    /** An intent as a client asks for it; {@code amount} in the invoice's currency, or none for all that is open. */
    public record IntentBody(UUID invoiceId, String provider, String method, BigDecimal amount, String currency) {
    }

    /** A refund as a client asks for it; no amount for all that is left. */
    public record RefundBody(BigDecimal amount, String currency, String reason) {
    }

    @Reference
    PaymentIntents intents;

    @Reference
    Invoices invoices;

    @Reference
    CustomerAccounts customers;

    @Permitted({ CLERK, COLLECTOR })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = PaymentIntent.class)
    public Response create(@Context ContainerRequestContext request,
            @HeaderParam(PaymentResource.IDEMPOTENCY_KEY) String key, IntentBody body) {
        Violations violations = new Violations().required(PaymentResource.IDEMPOTENCY_KEY, key);
        if (body == null) {
            violations.add("body", "is required").throwIfAny();
        }
        violations.throwIfAny();
        if (body.invoiceId() != null) {
            readableInvoice(request, body.invoiceId());
        }
        PaymentIntent intent = intents.create(TenantFilter.tenantOf(request), new IntentRequest(key.trim(),
                body.invoiceId(), body.provider(), body.method(), amount(body.amount(), body.currency())));
        return Response.created(URI.create("payment-intents/" + intent.id())).entity(intent).build();
    }

    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    @GET
    public List<PaymentIntent> forInvoice(@Context ContainerRequestContext request, @QueryParam("invoiceId") String invoiceId) {
        new Violations().required("invoiceId", invoiceId).throwIfAny();
        UUID invoice = QueryParameters.pathId("invoiceId", invoiceId);
        readableInvoice(request, invoice);
        return intents.forInvoice(TenantFilter.tenantOf(request), invoice);
    }

    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}")
    public PaymentIntent read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return intents.find(TenantFilter.tenantOf(request), QueryParameters.pathId("payment intent", id))
                .filter(intent -> ReadableCustomers.readable(customers, request, intent.customerId()))
                .orElseThrow(() -> new NotFoundException("payment intent", id));
    }

    @Permitted({ CLERK })
    @POST
    @Path("{id}/cancel")
    public PaymentIntent cancel(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return intents.cancel(TenantFilter.tenantOf(request), QueryParameters.pathId("payment intent", id));
    }

    @Permitted({ FINANCE_MANAGER })
    @POST
    @Path("{id}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    public PaymentIntent refund(@Context ContainerRequestContext request, @PathParam("id") String id,
            @HeaderParam(PaymentResource.IDEMPOTENCY_KEY) String key, RefundBody body) {
        new Violations().required(PaymentResource.IDEMPOTENCY_KEY, key).throwIfAny();
        RefundBody given = body == null ? new RefundBody(null, null, null) : body;
        return intents.refund(TenantFilter.tenantOf(request), QueryParameters.pathId("payment intent", id),
                new RefundRequest(key.trim(), amount(given.amount(), given.currency()), given.reason()));
    }

    /** A 404 for an invoice of a customer the request may not read (one not assigned to a collector). */
    private void readableInvoice(ContainerRequestContext request, UUID invoiceId) {
        if (TenantFilter.assignedOnly(request) && !invoices.find(TenantFilter.tenantOf(request), invoiceId)
                .map(Invoice::customerId).filter(customer -> ReadableCustomers.readable(customers, request, customer))
                .isPresent()) {
            throw new NotFoundException("invoice", invoiceId.toString());
        }
    }

    private static Money amount(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        Violations violations = new Violations().required("currency", currency).currency("currency", currency);
        violations.throwIfAny();
        Money money = PaymentResource.money(violations, "amount", amount, currency);
        violations.throwIfAny();
        return money;
    }
}
