package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import receivables.api.report.Aging;
import receivables.api.report.AgingReport;

/**
 * {@code /api/v1/reports}: reports for finance, aggregated in the database.
 */
@Component(service = ReportResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Reference
    Aging aging;

    Clock clock = Clock.systemUTC();

    /** Aging as of {@code asOf} (today by default) with bucket limits such as {@code 30,60,90}. */
    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("aging")
    public AgingReport aging(@Context ContainerRequestContext request, @QueryParam("asOf") String asOf,
            @QueryParam("buckets") String buckets) {
        LocalDate day = QueryParameters.date("asOf", asOf);
        List<Integer> limits = QueryParameters.integers("buckets", buckets);
        return aging.report(TenantFilter.tenantOf(request), day == null ? LocalDate.now(clock) : day, limits);
    }
}
