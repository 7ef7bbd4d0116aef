package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.risk.CustomerRisk;
import receivables.api.risk.InvoiceRisk;
import receivables.api.risk.RiskBackTest;
import receivables.api.risk.RiskModel;
import receivables.api.risk.RiskScores;
import receivables.api.risk.RiskyCustomer;

/**
 * {@code /api/v1/risk}: the scores of the tenant's latest risk model per customer (one, or the riskiest first) and per
 * open invoice, training a model as of a day, and the back-test of one trained as of a past day.
 */
@Component(service = RiskResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("risk")
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {

    @Reference
    RiskScores risk;

    Clock clock = Clock.systemUTC();

    /** The customers scored at {@code minScore} (0 by default) or above, riskiest first, a page of them. */
    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("customers")
    public Page<RiskyCustomer> riskiest(@Context ContainerRequestContext request, @QueryParam("minScore") String minScore,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return risk.riskiest(TenantFilter.tenantOf(request), QueryParameters.integer("minScore", minScore, 0),
                QueryParameters.page(page, size));
    }

    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("customers/{id}")
    public CustomerRisk customer(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return risk.customer(TenantFilter.tenantOf(request), QueryParameters.pathId("customer", id))
                .orElseThrow(() -> new NotFoundException("customer risk", id));
    }

    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("invoices/{id}")
    public InvoiceRisk invoice(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return risk.invoice(TenantFilter.tenantOf(request), QueryParameters.pathId("invoice", id))
                .orElseThrow(() -> new NotFoundException("invoice risk", id));
    }

    /** Trains a model as of {@code asOf} (today by default) and scores the open installments and customers with it. */
    @Permitted({ FINANCE_MANAGER })
    @POST
    @Path("train")
    public RiskModel train(@Context ContainerRequestContext request, @QueryParam("asOf") String asOf) {
        LocalDate day = QueryParameters.date("asOf", asOf);
        return risk.train(TenantFilter.tenantOf(request), day == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC))
                : day);
    }

    /** Trains a model as of {@code asOf}, a past day, and measures it on the installments issued after it. */
    @Permitted({ FINANCE_MANAGER })
    @POST
    @Path("backtest")
    public RiskBackTest backTest(@Context ContainerRequestContext request, @QueryParam("asOf") String asOf) {
        LocalDate day = QueryParameters.date("asOf", asOf);
        if (day == null) {
            throw new InvalidRequestException(FieldViolation.of("asOf", "is required"));
        }
        return risk.backTest(TenantFilter.tenantOf(request), day);
    }
}
