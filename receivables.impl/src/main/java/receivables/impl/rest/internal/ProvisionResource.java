package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.provision.ForwardLookingAdjustment;
import receivables.api.provision.ForwardLookingAdjustmentRequest;
import receivables.api.provision.Provision;
import receivables.api.provision.Provisions;
import receivables.impl.validation.internal.Violations;

/**
 * {@code /api/v1/provisions}: post the IFRS 9 loss allowance at a period end, and read what was posted; set and read
 * the forward-looking adjustments of the loss rates.
 */
@Component(service = ProvisionResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("provisions")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisionResource {

    /** The month to provision for, like {@code 2026-10}, and the window's month ends (12 by default). */
    public record ProvisionBody(String period, Integer months) {
    }

    /** A forward-looking adjustment: months like {@code 2026-10}, one factor per bucket from current to over 90. */
    public record AdjustmentBody(String effectiveFrom, String effectiveTo, List<BigDecimal> factors, String reason) {
    }

    @Reference
    Provisions provisions;

    @Permitted({ FINANCE_MANAGER })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = Provision.class)
    public Response post(@Context ContainerRequestContext request, ProvisionBody body) {
        if (body == null) {
            new Violations().add("body", "is required").throwIfAny();
        }
        new Violations().required("period", body.period()).throwIfAny();
        Provision provision = provisions.post(TenantFilter.tenantOf(request), month("period", body.period()),
                body.months() == null ? Provisions.DEFAULT_MONTHS : body.months());
        return Response.created(URI.create("provisions")).entity(provision).build();
    }

    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    public List<Provision> list(@Context ContainerRequestContext request) {
        return provisions.list(TenantFilter.tenantOf(request));
    }

    @Permitted({ FINANCE_MANAGER })
    @POST
    @Path("adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = ForwardLookingAdjustment.class)
    public Response adjust(@Context ContainerRequestContext request, AdjustmentBody body) {
        if (body == null) {
            new Violations().add("body", "is required").throwIfAny();
        }
        Violations violations = new Violations().required("effectiveFrom", body.effectiveFrom());
        YearMonth from = parsed(violations, "effectiveFrom", body.effectiveFrom());
        YearMonth to = parsed(violations, "effectiveTo", body.effectiveTo());
        violations.throwIfAny();
        ForwardLookingAdjustment adjustment = provisions.adjust(TenantFilter.tenantOf(request),
                new ForwardLookingAdjustmentRequest(from, to, body.factors(), body.reason()));
        return Response.created(URI.create("provisions/adjustments")).entity(adjustment).build();
    }

    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("adjustments")
    public List<ForwardLookingAdjustment> adjustments(@Context ContainerRequestContext request) {
        return provisions.adjustments(TenantFilter.tenantOf(request));
    }

    private static YearMonth month(String field, String value) {
        Violations violations = new Violations();
        YearMonth month = parsed(violations, field, value);
        violations.throwIfAny();
        return month;
    }

    /** The month {@code value} names, or null when it is blank or names none (then a violation of {@code field}). */
    private static YearMonth parsed(Violations violations, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(field, "must be a month like 2026-10");
            return null;
        }
    }
}
