package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
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

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.PageWithTotals;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.InvoiceQuery;
import receivables.api.invoice.InvoiceSort;
import receivables.api.invoice.InvoiceStatus;
import receivables.api.invoice.InvoiceTotal;
import receivables.api.invoice.Invoices;
import receivables.api.invoice.SalesOrder;

/**
 * {@code /api/v1/invoices}: invoices from confirmed orders (the same order twice gives one invoice),
 * issuing, reading and listing with filters and totals per currency over the whole filter.
 */
@Component(service = InvoiceResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    /** The body of {@code POST /invoices/{id}/issue}; without it the invoice is issued today. */
    public record IssueRequest(LocalDate issueDate) {
    }

    @Reference
    Invoices invoices;

    Clock clock = Clock.systemUTC();

    @Permitted({ CLERK })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = Invoice.class)
    public Response createFromOrder(@Context ContainerRequestContext request, SalesOrder order) {
        Invoice invoice = invoices.createFromOrder(TenantFilter.tenantOf(request), order);
        return Response.created(URI.create("invoices/" + invoice.id())).entity(invoice).build();
    }

    @Permitted({ CLERK })
    @POST
    @Path("{id}/issue")
    @Consumes(MediaType.APPLICATION_JSON)
    public Invoice issue(@Context ContainerRequestContext request, @PathParam("id") String id, IssueRequest issue) {
        LocalDate issueDate = issue == null || issue.issueDate() == null ? LocalDate.now(clock) : issue.issueDate();
        return invoices.issue(TenantFilter.tenantOf(request), QueryParameters.pathId("invoice", id), issueDate);
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}")
    public Invoice read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return invoices.find(TenantFilter.tenantOf(request), QueryParameters.pathId("invoice", id))
                .orElseThrow(() -> new NotFoundException("invoice", id));
    }

    /** The order {@code sort} names; newest number first when it names none. */
    private static InvoiceSort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return InvoiceSort.NUMBER_DESCENDING;
        }
        return InvoiceSort.ofParameter(sort.trim()).orElseThrow(() -> new InvalidRequestException(FieldViolation.of(
                "sort", "must be one of " + Arrays.stream(InvoiceSort.values()).map(InvoiceSort::parameter).toList())));
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    public PageWithTotals<Invoice, InvoiceTotal> list(@Context ContainerRequestContext request, @QueryParam("status") String status,
            @QueryParam("customerId") String customerId, @QueryParam("overdueOn") String overdueOn,
            @QueryParam("dueBefore") String dueBefore, @QueryParam("currency") String currency,
            @QueryParam("sort") String sort, @QueryParam("page") String page, @QueryParam("size") String size) {
        InvoiceQuery query = new InvoiceQuery(QueryParameters.choice("status", status, InvoiceStatus.class),
                QueryParameters.uuid("customerId", customerId), QueryParameters.date("overdueOn", overdueOn),
                QueryParameters.date("dueBefore", dueBefore), QueryParameters.text(currency), sort(sort));
        return invoices.listWithTotals(TenantFilter.tenantOf(request), query, QueryParameters.page(page, size));
    }
}
