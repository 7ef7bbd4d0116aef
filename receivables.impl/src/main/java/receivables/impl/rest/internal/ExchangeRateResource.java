package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.fx.ExchangeRate;
import receivables.api.fx.ExchangeRates;

/**
 * {@code /api/v1/exchange-rates}: enter rates as JSON, import them as CSV ({@code date,currency,rate}), list them.
 */
@Component(service = ExchangeRateResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
public class ExchangeRateResource {

    @Reference
    ExchangeRates rates;

    @Permitted({ FINANCE_MANAGER })
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Integer> enter(@Context ContainerRequestContext request, List<ExchangeRate> entered) {
        rates.enter(TenantFilter.tenantOf(request), entered);
        return Map.of("stored", entered.size());
    }

    @Permitted({ FINANCE_MANAGER })
    @POST
    @Upload
    @Path("import")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    public Map<String, Integer> importCsv(@Context ContainerRequestContext request, Reader csv) {
        return Map.of("stored", rates.importCsv(TenantFilter.tenantOf(request), csv));
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    public List<ExchangeRate> list(@Context ContainerRequestContext request, @QueryParam("currency") String currency,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        if (currency == null || currency.isBlank()) {
            throw new InvalidRequestException(FieldViolation.of("currency", "is required"));
        }
        LocalDate first = QueryParameters.date("from", from);
        LocalDate last = QueryParameters.date("to", to);
        return rates.list(TenantFilter.tenantOf(request), currency.trim(), first == null ? LocalDate.of(1900, 1, 1) : first,
                last == null ? LocalDate.of(9999, 12, 31) : last);
    }
}
