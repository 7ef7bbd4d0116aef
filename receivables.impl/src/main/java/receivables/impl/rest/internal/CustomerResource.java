package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.COLLECTOR;
import static receivables.api.people.Role.FINANCE_MANAGER;
import static receivables.api.people.Role.TENANT_ADMIN;

import java.net.URI;
import java.util.EnumSet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.approval.ApprovalRequest;
import receivables.api.customer.CreditControl;
import receivables.api.customer.CreditDecision;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerAccounts;
import receivables.api.customer.CustomerPersonalData;
import receivables.api.customer.CustomerRequest;
import receivables.api.people.Caller;

/**
 * {@code /api/v1/customers}: create, read, update and list the tenant's customer accounts. The version
 * travels as the ETag; send it back in {@code If-Match} to update only what you read.
 */
@Component(service = CustomerResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    /** Credit settings are the finance manager's, in whichever request they come (a field-level entry of the table). */
    static final EndpointPermission CREDIT_SETTINGS = new EndpointPermission(
            "credit settings of a customer (creditLimit, creditRating, creditHold)", EnumSet.of(FINANCE_MANAGER));

    @Reference
    CustomerAccounts customers;

    @Reference
    CreditControl credit;

    @Permitted({ CLERK })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = CustomerAccount.class)
    public Response create(@Context ContainerRequestContext request, CustomerRequest details) {
        Caller caller = TenantFilter.callerOf(request);
        if (details != null && !CREDIT_SETTINGS.grants(caller) && (details.creditLimit() != null
                || details.creditRating() != null || Boolean.TRUE.equals(details.creditHold()))) {
            return TenantFilter.forbidden(CREDIT_SETTINGS, caller);
        }
        CustomerAccount created = customers.create(TenantFilter.tenantOf(request), details);
        return Response.created(URI.create("customers/" + created.id()))
                .tag(etag(created))
                .entity(created)
                .build();
    }

    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}")
    @Answers(value = 200, body = CustomerAccount.class)
    public Response read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        CustomerAccount account = ReadableCustomers.customer(customers, request, id);
        return Response.ok(account).tag(etag(account)).build();
    }

    @Permitted({ CLERK, FINANCE_MANAGER })
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 200, body = CustomerAccount.class)
    @Answers(value = 202, body = ApprovalRequest.class)
    public Response update(@Context ContainerRequestContext request, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CustomerRequest details) {
        Caller caller = TenantFilter.callerOf(request);
        if (details != null && !CREDIT_SETTINGS.grants(caller)
                && changesCreditSettings(ReadableCustomers.customer(customers, request, id), details)) {
            return TenantFilter.forbidden(CREDIT_SETTINGS, caller);
        }
        CustomerAccount updated = customers.update(TenantFilter.tenantOf(request), QueryParameters.pathId("customer", id),
                details, QueryParameters.expectedVersion(ifMatch, "customer"));
        return Response.ok(updated).tag(etag(updated)).build();
    }

    /** Everything personal held about the customer, for a data subject's request for access. */
    @Permitted({ CLERK, TENANT_ADMIN, AUDITOR })
    @GET
    @Path("{id}/personal-data")
    public CustomerPersonalData personalData(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return customers.personalData(TenantFilter.tenantOf(request), QueryParameters.pathId("customer", id));
    }

    /** Erases the customer's personal data on request; the account and its financial records stay. */
    @Permitted({ TENANT_ADMIN })
    @DELETE
    @Path("{id}/personal-data")
    @Answers(value = 200, body = CustomerAccount.class)
    public Response erasePersonalData(@Context ContainerRequestContext request, @PathParam("id") String id) {
        CustomerAccount erased = customers.erasePersonalData(TenantFilter.tenantOf(request),
                QueryParameters.pathId("customer", id));
        return Response.ok(erased).tag(etag(erased)).build();
    }

    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    @GET
    public Page<CustomerAccount> list(@Context ContainerRequestContext request, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("name") String name) {
        PageRequest slice = new PageRequest(QueryParameters.integer("page", page, 0),
                QueryParameters.integer("size", size, PageRequest.DEFAULT_SIZE));
        TenantId tenant = TenantFilter.tenantOf(request);
        return TenantFilter.assignedOnly(request)
                ? customers.listAssigned(tenant, TenantFilter.callerOf(request).actor().id(), name, slice)
                : customers.list(tenant, name, slice);
    }

    /** The collector who works the account: {@code {"collector": "<actor id>"}}, or {@code null} to unassign. */
    public record CollectorAssignment(String collector) {
    }

    @Permitted({ CLERK, FINANCE_MANAGER })
    @PUT
    @Path("{id}/collector")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 200, body = CustomerAccount.class)
    public Response assignCollector(@Context ContainerRequestContext request, @PathParam("id") String id,
            CollectorAssignment assignment) {
        if (assignment == null) {
            throw new InvalidRequestException(FieldViolation.of("body", "is required"));
        }
        CustomerAccount assigned = customers.assignCollector(TenantFilter.tenantOf(request),
                QueryParameters.pathId("customer", id), assignment.collector());
        return Response.ok(assigned).tag(etag(assigned)).build();
    }


    /** The credit check for the customer's standing plus {@code amount} in the customer's currency. */
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}/credit-check")
    public CreditDecision creditCheck(@Context ContainerRequestContext request, @PathParam("id") String id,
            @QueryParam("amount") String amount) {
        CustomerAccount account = ReadableCustomers.customer(customers, request, id);
        return credit.check(TenantFilter.tenantOf(request), account.id(),
                QueryParameters.money("amount", amount, account.currency()));
    }

    private static boolean changesCreditSettings(CustomerAccount current, CustomerRequest details) {
        boolean limit = current.creditLimit() == null ? details.creditLimit() != null
                : details.creditLimit() == null || current.creditLimit().compareTo(details.creditLimit()) != 0;
        return limit || current.creditRating() != details.creditRating()
                || current.creditHold() != Boolean.TRUE.equals(details.creditHold());
    }

    private static EntityTag etag(CustomerAccount account) {
        return new EntityTag(Long.toString(account.version()));
    }
}
