package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import receivables.api.PageWithTotals;
import receivables.api.money.Money;
import receivables.api.payment.AllocationState;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentFilter;
import receivables.api.payment.PaymentRefund;
import receivables.api.payment.PaymentRefundRequest;
import receivables.api.payment.PaymentRequest;
import receivables.api.payment.PaymentTotal;
import receivables.api.payment.Payments;
import receivables.impl.validation.internal.Violations;

/**
 * {@code /api/v1/payments}: record a payment under an {@code Idempotency-Key} (the same key twice records
 * one payment) and read it with its allocations; list them with filters and totals per currency over the whole
 * filter.
 */
@Component(service = PaymentResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** A payment as a client sends it: amounts as plain decimals in the payment's currency. */
    public record PaymentBody(UUID customerId, String method, BigDecimal amount, String currency, LocalDate valueDate,
            String payerReference, List<TargetRequest> allocateTo) {
    }

    /** Where the payer said the money is for; {@code amount} in the payment's currency. */
    public record TargetRequest(UUID invoiceId, Integer installment, BigDecimal amount) {
    }

    /** The body of a reversal: why, and on which day (today by default). */
    public record ReversalRequest(String reason, LocalDate date) {
    }

    /** The body of a refund: how much, why, and on which day (today by default). */
    public record RefundBody(BigDecimal amount, String currency, String reason, LocalDate date) {
    }

    /** The body of applying credit: where to (oldest due first when empty), and on which day (today by default). */
    public record CreditApplication(List<TargetRequest> allocateTo, LocalDate date) {
    }

    @Reference
    Payments payments;

    Clock clock = Clock.systemUTC();

    @Permitted({ CLERK })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = Payment.class)
    public Response record(@Context ContainerRequestContext request, @HeaderParam(IDEMPOTENCY_KEY) String key,
            PaymentBody payment) {
        Payment recorded = payments.record(TenantFilter.tenantOf(request), details(key, payment));
        return Response.created(URI.create("payments/" + recorded.id())).entity(recorded).build();
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    public PageWithTotals<Payment, PaymentTotal> list(@Context ContainerRequestContext request,
            @QueryParam("customerId") String customerId, @QueryParam("method") String method,
            @QueryParam("currency") String currency, @QueryParam("valueFrom") String valueFrom,
            @QueryParam("valueTo") String valueTo, @QueryParam("state") String state, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PaymentFilter filter = new PaymentFilter(QueryParameters.uuid("customerId", customerId),
                QueryParameters.text(method), QueryParameters.text(currency), QueryParameters.date("valueFrom", valueFrom),
                QueryParameters.date("valueTo", valueTo), QueryParameters.choice("state", state, AllocationState.class));
        return payments.list(TenantFilter.tenantOf(request), filter, QueryParameters.page(page, size));
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}")
    public Payment read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return payments.find(TenantFilter.tenantOf(request), QueryParameters.pathId("payment", id))
                .orElseThrow(() -> new NotFoundException("payment", id));
    }

    /** Takes one allocation back; the money returns to the customer's credit. */
    @Permitted({ CLERK })
    @POST
    @Path("{id}/allocations/{allocationId}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Payment unallocate(@Context ContainerRequestContext request, @PathParam("id") String id,
            @PathParam("allocationId") String allocationId, ReversalRequest reversal) {
        ReversalRequest body = reversal == null ? new ReversalRequest(null, null) : reversal;
        return payments.unallocate(TenantFilter.tenantOf(request), QueryParameters.pathId("payment", id),
                QueryParameters.pathId("allocation", allocationId), body.reason(), dayOr(body.date()));
    }

    /** Applies what is left of the payment to open invoices. */
    @Permitted({ CLERK })
    @POST
    @Path("{id}/credit-applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Payment applyCredit(@Context ContainerRequestContext request, @PathParam("id") String id,
            CreditApplication application) {
        var tenant = TenantFilter.tenantOf(request);
        UUID paymentId = QueryParameters.pathId("payment", id);
        Payment payment = payments.find(tenant, paymentId).orElseThrow(() -> new NotFoundException("payment", id));
        CreditApplication body = application == null ? new CreditApplication(null, null) : application;
        List<AllocationTarget> targets = targets(new Violations(), body.allocateTo(), payment.amount().currency());
        return payments.applyCredit(tenant, paymentId, targets, dayOr(body.date()));
    }

    /** Reverses the payment: its money went back. */
    @Permitted({ CLERK })
    @POST
    @Path("{id}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Payment reverse(@Context ContainerRequestContext request, @PathParam("id") String id, ReversalRequest reversal) {
        ReversalRequest body = reversal == null ? new ReversalRequest(null, null) : reversal;
        return payments.reverse(TenantFilter.tenantOf(request), QueryParameters.pathId("payment", id), body.reason(),
                dayOr(body.date()));
    }

    /** Pays money back to the customer out of the payment: its credit first, then its newest allocations. */
    @Permitted({ FINANCE_MANAGER })
    @POST
    @Path("{id}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = PaymentRefund.class)
    public Response refund(@Context ContainerRequestContext request, @PathParam("id") String id,
            @HeaderParam(IDEMPOTENCY_KEY) String key, RefundBody refund) {
        Violations violations = new Violations().required(IDEMPOTENCY_KEY, key);
        if (refund == null) {
            violations.add("body", "is required").throwIfAny();
        }
        violations.required("amount", refund.amount()).required("currency", refund.currency())
                .currency("currency", refund.currency()).throwIfAny();
        Money amount = money(violations, "amount", refund.amount(), refund.currency());
        violations.throwIfAny();
        var tenant = TenantFilter.tenantOf(request);
        UUID paymentId = QueryParameters.pathId("payment", id);
        PaymentRefund made = payments.refund(tenant, paymentId, new PaymentRefundRequest(key.trim(), amount,
                dayOr(refund.date()), refund.reason()));
        return Response.created(URI.create("payments/" + id + "/refunds")).entity(made).build();
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}/refunds")
    public List<PaymentRefund> refunds(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return payments.refunds(TenantFilter.tenantOf(request), QueryParameters.pathId("payment", id));
    }

    private LocalDate dayOr(LocalDate date) {
        return date == null ? LocalDate.now(clock) : date;
    }

    static PaymentRequest details(String key, PaymentBody payment) {
        Violations violations = new Violations().required(IDEMPOTENCY_KEY, key);
        if (payment == null) {
            violations.add("body", "is required").throwIfAny();
        }
        violations.required("currency", payment.currency()).currency("currency", payment.currency())
                .required("amount", payment.amount());
        violations.throwIfAny();
        Money amount = money(violations, "amount", payment.amount(), payment.currency());
        List<AllocationTarget> targets = targets(violations, payment.allocateTo(), payment.currency());
        return new PaymentRequest(key.trim(), payment.customerId(), payment.method(), amount, payment.valueDate(),
                payment.payerReference(), targets);
    }

    /** The targets as the API takes them; reports every problem found, including those already collected. */
    private static List<AllocationTarget> targets(Violations violations, List<TargetRequest> requested, String currency) {
        List<AllocationTarget> targets = new ArrayList<>();
        List<TargetRequest> given = requested == null ? List.of() : requested;
        for (int i = 0; i < given.size(); i++) {
            TargetRequest target = given.get(i);
            if (target == null) {
                violations.add("allocateTo[" + i + "]", "is required");
                continue;
            }
            targets.add(new AllocationTarget(target.invoiceId(), target.installment(),
                    target.amount() == null ? null : money(violations, "allocateTo[" + i + "].amount", target.amount(), currency)));
        }
        violations.throwIfAny();
        return targets;
    }

    static Money money(Violations violations, String field, BigDecimal amount, String currency) {
        int scale = Money.scaleOf(currency);
        if (amount.stripTrailingZeros().scale() > scale) {
            violations.add(field, "has more decimals than " + currency + " allows (" + scale + ")");
            return Money.zero(currency);
        }
        return Money.of(amount, currency);
    }
}
