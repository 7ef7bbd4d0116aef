package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.COLLECTOR;
import static receivables.api.people.Role.FINANCE_MANAGER;
import static receivables.api.people.Role.TENANT_ADMIN;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import receivables.api.collections.ActivityRequest;
import receivables.api.collections.CollectionActivity;
import receivables.api.collections.CollectionTask;
import receivables.api.collections.CollectionWork;
import receivables.api.collections.CollectorReport;
import receivables.api.collections.CollectorRule;
import receivables.api.collections.CollectorRuleRun;
import receivables.api.collections.CollectorRules;
import receivables.api.collections.Dispute;
import receivables.api.collections.PromiseToPay;
import receivables.api.collections.TimelineEntry;
import receivables.api.collections.WorklistEntry;
import receivables.api.customer.CustomerAccounts;
import receivables.api.invoice.Invoices;
import receivables.impl.validation.internal.ValueRanges;
import receivables.impl.validation.internal.Violations;

/**
 * {@code /api/v1/collections}: disputes on invoices, promises to pay, the tasks dunning hands to people, collectors'
 * activities and their worklist.
 */
@Component(service = CollectionResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("collections")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionResource {

    /** The body of {@code POST /collections/disputes}. */
    public record DisputeRequest(UUID invoiceId, String reason) {
    }

    /** The body of {@code POST /collections/disputes/{invoiceId}/resolution}. */
    public record Resolution(String resolution) {
    }

    /** The body of {@code POST /collections/promises}. */
    public record PromiseRequest(UUID customerId, BigDecimal amount, LocalDate promisedFor, String note) {
    }

    /** The body of {@code PUT /collections/assignment-rules}: every rule of the tenant, first first. */
    public record RuleList(List<CollectorRule> rules) {
    }

    /** The body of {@code POST /collections/assignment-rules/runs}; {@code overrideManual} is false when left out. */
    public record RuleRunRequest(Boolean overrideManual) {
    }

    static final int MAX_COLLECTOR = 200;

    private final CollectionWork work;
    private final CustomerAccounts customers;
    private final Invoices invoices;
    private final CollectorRules rules;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public CollectionResource(@Reference CollectionWork work, @Reference CustomerAccounts customers,
            @Reference Invoices invoices, @Reference CollectorRules rules) {
        this.work = work;
        this.customers = customers;
        this.invoices = invoices;
        this.rules = rules;
    }

    /** The invoice, when the request may read its customer; a collector only reaches their customers' invoices. */
    private UUID readableInvoice(ContainerRequestContext request, UUID invoiceId) {
        if (TenantFilter.assignedOnly(request)) {
            UUID customer = invoices.find(TenantFilter.tenantOf(request), invoiceId)
                    .orElseThrow(() -> new NotFoundException("invoice", invoiceId)).customerId();
            ReadableCustomers.customer(customers, request, customer.toString());
        }
        return invoiceId;
    }

    @POST
    @Path("disputes")
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    public Dispute openDispute(@Context ContainerRequestContext request, DisputeRequest dispute) {
        if (dispute == null || dispute.invoiceId() == null) {
            throw new InvalidRequestException(FieldViolation.of("invoiceId", "is required"));
        }
        return work.openDispute(TenantFilter.tenantOf(request), readableInvoice(request, dispute.invoiceId()), dispute.reason());
    }

    @POST
    @Path("disputes/{invoiceId}/resolution")
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    public Dispute resolveDispute(@Context ContainerRequestContext request, @PathParam("invoiceId") String invoiceId,
            Resolution resolution) {
        return work.resolveDispute(TenantFilter.tenantOf(request), readableInvoice(request,
                QueryParameters.pathId("invoice", invoiceId)),
                resolution == null ? null : resolution.resolution());
    }

    @GET
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    @Path("disputes")
    public List<Dispute> disputes(@Context ContainerRequestContext request, @QueryParam("invoiceId") String invoiceId) {
        UUID invoice = QueryParameters.uuid("invoiceId", invoiceId);
        if (invoice == null) {
            throw new InvalidRequestException(FieldViolation.of("invoiceId", "is required"));
        }
        return work.disputes(TenantFilter.tenantOf(request), readableInvoice(request, invoice));
    }

    @POST
    @Path("promises")
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    public PromiseToPay promise(@Context ContainerRequestContext request, PromiseRequest promise) {
        if (promise == null || promise.customerId() == null) {
            throw new InvalidRequestException(FieldViolation.of("customerId", "is required"));
        }
        ReadableCustomers.customer(customers, request, promise.customerId().toString());
        return work.promise(TenantFilter.tenantOf(request), promise.customerId(), promise.amount(),
                promise.promisedFor(), promise.note());
    }

    @GET
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    @Path("promises")
    public List<PromiseToPay> promises(@Context ContainerRequestContext request,
            @QueryParam("customerId") String customerId) {
        UUID customer = QueryParameters.uuid("customerId", customerId);
        if (customer == null) {
            throw new InvalidRequestException(FieldViolation.of("customerId", "is required"));
        }
        ReadableCustomers.customer(customers, request, customer.toString());
        return work.promises(TenantFilter.tenantOf(request), customer);
    }

    @GET
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    @Path("tasks")
    public List<CollectionTask> tasks(@Context ContainerRequestContext request) {
        List<CollectionTask> tasks = work.openTasks(TenantFilter.tenantOf(request));
        if (!TenantFilter.assignedOnly(request)) {
            return tasks;
        }
        String me = TenantFilter.callerOf(request).actor().id();
        return tasks.stream().filter(task -> customers.find(TenantFilter.tenantOf(request), task.customerId())
                .filter(customer -> me.equals(customer.collector())).isPresent()).toList();
    }

    /** A contact with the customer, logged by the caller; a promise to pay with it when amount and date are given. */
    @POST
    @Path("customers/{id}/activities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER })
    public CollectionActivity log(@Context ContainerRequestContext request, @PathParam("id") String id,
            ActivityRequest activity) {
        UUID customer = ReadableCustomers.customer(customers, request, id).id();
        return work.log(TenantFilter.tenantOf(request), customer, TenantFilter.callerOf(request).actor().id(), activity);
    }

    @GET
    @Path("customers/{id}/activities")
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    public List<CollectionActivity> activities(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return work.activities(TenantFilter.tenantOf(request), ReadableCustomers.customer(customers, request, id).id());
    }

    /** The customer's notices, activities and promises to pay in one list, newest first, a page at a time. */
    @GET
    @Path("customers/{id}/timeline")
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    public List<TimelineEntry> timeline(@Context ContainerRequestContext request, @PathParam("id") String id,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        UUID customer = ReadableCustomers.customer(customers, request, id).id();
        return work.timeline(TenantFilter.tenantOf(request), customer, QueryParameters.page(page, size));
    }

    /**
     * The customers with items past due on {@code asOf} (today by default, UTC), highest priority first; a collector
     * sees their own customers, others everyone's or one collector's ({@code collector}).
     */
    @GET
    @Path("worklist")
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    public List<WorklistEntry> worklist(@Context ContainerRequestContext request, @QueryParam("asOf") String asOf,
            @QueryParam("collector") String collector) {
        LocalDate day = QueryParameters.date("asOf", asOf);
        new Violations().maxLength("collector", collector, MAX_COLLECTOR).inRange("collector", collector,
                ValueRanges::textProblem).throwIfAny();
        String whose = TenantFilter.assignedOnly(request) ? TenantFilter.callerOf(request).actor().id()
                : collector == null || collector.isBlank() ? null : collector.strip();
        return work.worklist(TenantFilter.tenantOf(request), day == null ? LocalDate.now(clock) : day, whose);
    }

    @GET
    @Path("assignment-rules")
    @Permitted({ FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    public RuleList assignmentRules(@Context ContainerRequestContext request) {
        return new RuleList(rules.rules(TenantFilter.tenantOf(request)));
    }

    /** Replaces the tenant's assignment rules; customers follow them when they change or a run applies them. */
    @PUT
    @Path("assignment-rules")
    @Permitted({ FINANCE_MANAGER, TENANT_ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    public RuleList replaceAssignmentRules(@Context ContainerRequestContext request, RuleList list) {
        if (list == null) {
            throw new InvalidRequestException(FieldViolation.of("rules", "is required (an empty list removes every rule)"));
        }
        return new RuleList(rules.replace(TenantFilter.tenantOf(request), list.rules()));
    }

    /** Applies the assignment rules to every customer of the tenant now, by hand-assigned ones too when asked. */
    @POST
    @Path("assignment-rules/runs")
    @Permitted({ FINANCE_MANAGER, TENANT_ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    public CollectorRuleRun applyAssignmentRules(@Context ContainerRequestContext request, RuleRunRequest run) {
        return rules.apply(TenantFilter.tenantOf(request), run != null && Boolean.TRUE.equals(run.overrideManual()));
    }

    /**
     * Each collector's kept, broken and open promises due from {@code from} to {@code to} and what their customers
     * paid then; a collector sees their own results, others everyone's or one collector's ({@code collector}).
     */
    @GET
    @Path("collectors/report")
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    public CollectorReport collectorReport(@Context ContainerRequestContext request, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("collector") String collector) {
        LocalDate first = QueryParameters.date("from", from);
        LocalDate last = QueryParameters.date("to", to);
        new Violations().required("from", first).required("to", last).maxLength("collector", collector, MAX_COLLECTOR)
                .inRange("collector", collector, ValueRanges::textProblem).throwIfAny();
        String whose = TenantFilter.assignedOnly(request) ? TenantFilter.callerOf(request).actor().id()
                : collector == null || collector.isBlank() ? null : collector.strip();
        return work.collectorReport(TenantFilter.tenantOf(request), first, last, whose);
    }
}
