package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.COLLECTOR;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerAccounts;
import receivables.api.report.CustomerStatement;
import receivables.api.report.CustomerStatements;
import receivables.api.report.OpenItem;

/**
 * {@code /api/v1/customers/{id}/statement} and {@code /api/v1/customers/{id}/open-items}: a customer's
 * account over a period and what it still owes on a day.
 *
 * <p>The class path is {@code customers}, like {@link CustomerResource}'s, so that Jersey merges the two
 * into one resource. With {@code customers/{id}} this class would win every request under
 * {@code /customers/x} for having more literal characters, and {@code GET} and {@code PUT /customers/{id}}
 * would answer 404.
 */
@Component(service = CustomerStatementResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerStatementResource {

    @Reference
    CustomerStatements statements;

    @Reference
    CustomerAccounts customers;

    Clock clock = Clock.systemUTC();

    /**
     * The statement in {@code currency} from {@code from} to {@code to} inclusive. Without {@code currency} it is
     * in the customer's own currency; without {@code to} it ends today; without {@code from} it covers the year
     * up to {@code to} (from the same day a year before, plus one).
     */
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}/statement")
    public CustomerStatement statement(@Context ContainerRequestContext request, @PathParam("id") String id,
            @QueryParam("currency") String currency, @QueryParam("from") String from, @QueryParam("to") String to) {
        TenantId tenant = TenantFilter.tenantOf(request);
        CustomerAccount customer = ReadableCustomers.customer(customers, request, id);
        LocalDate fromDay = QueryParameters.date("from", from);
        LocalDate toDay = QueryParameters.date("to", to);
        LocalDate end = toDay != null ? toDay : LocalDate.now(clock);
        LocalDate start = fromDay != null ? fromDay : end.minusYears(1).plusDays(1);
        return statements.statement(tenant, customer.id(), currency == null || currency.isBlank() ? customer.currency()
                : currency.trim(), start, end);
    }

    /** The installments still open on {@code asOf}, today by default, ordered by due date. */
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}/open-items")
    public List<OpenItem> openItems(@Context ContainerRequestContext request, @PathParam("id") String id,
            @QueryParam("asOf") String asOf) {
        TenantId tenant = TenantFilter.tenantOf(request);
        LocalDate day = QueryParameters.date("asOf", asOf);
        return statements.openItems(tenant, ReadableCustomers.customer(customers, request, id).id(),
                day == null ? LocalDate.now(clock) : day);
    }
}
