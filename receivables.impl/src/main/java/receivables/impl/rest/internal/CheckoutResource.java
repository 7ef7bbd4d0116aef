package receivables.impl.rest.internal;

import static receivables.api.people.Role.CLERK;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.invoice.Checkout;
import receivables.api.invoice.CheckoutRequest;
import receivables.api.invoice.ImmediatePayment;
import receivables.api.invoice.Receipt;
import receivables.api.invoice.SalesOrder;
import receivables.impl.validation.internal.Violations;

/**
 * {@code POST /api/v1/checkout}: order, invoice and payment in one transaction. A payment needs an
 * {@code Idempotency-Key}.
 */
@Component(service = CheckoutResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("checkout")
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutResource {

    /** The body: the order, the invoice date (today by default) and the payment taken, if any. */
    public record CheckoutBody(SalesOrder order, LocalDate issueDate, PaymentTaken payment) {
    }

    /** A payment taken at checkout, its amount a plain decimal in the order's currency. */
    public record PaymentTaken(String method, BigDecimal amount, String payerReference) {
    }

    @Reference
    Checkout checkout;

    Clock clock = Clock.systemUTC();

    @Permitted({ CLERK })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = Receipt.class)
    public Response checkout(@Context ContainerRequestContext request,
            @HeaderParam(PaymentResource.IDEMPOTENCY_KEY) String key, CheckoutBody body) {
        if (body == null || body.order() == null) {
            throw new InvalidRequestException(FieldViolation.of("order", "is required"));
        }
        ImmediatePayment payment = null;
        if (body.payment() != null) {
            String currency = body.order().currency();
            Violations violations = new Violations().required(PaymentResource.IDEMPOTENCY_KEY, key)
                    .required("payment.amount", body.payment().amount())
                    .required("order.currency", currency).currency("order.currency", currency);
            violations.throwIfAny();
            payment = new ImmediatePayment(key.trim(), body.payment().method(),
                    PaymentResource.money(violations, "payment.amount", body.payment().amount(), currency),
                    body.payment().payerReference());
            violations.throwIfAny();
        }
        LocalDate issueDate = body.issueDate() == null ? LocalDate.now(clock) : body.issueDate();
        Receipt receipt = checkout.checkout(TenantFilter.tenantOf(request), new CheckoutRequest(body.order(), issueDate, payment));
        return Response.created(URI.create("invoices/" + receipt.invoice().id())).entity(receipt).build();
    }
}
