package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.COLLECTOR;
import static receivables.api.people.Role.FINANCE_MANAGER;
import static receivables.api.people.Role.TENANT_ADMIN;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.collections.DunningNotice;
import receivables.api.collections.DunningPolicies;
import receivables.api.collections.DunningPolicy;
import receivables.api.collections.DunningPolicyRequest;
import receivables.api.collections.DunningRun;
import receivables.api.collections.DunningRuns;
import receivables.api.collections.DunningSchedule;
import receivables.api.collections.Letter;
import receivables.api.collections.PrintQueue;
import receivables.api.customer.CustomerAccounts;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.validation.internal.ValueRanges;

/**
 * {@code /api/v1/dunning}: the tenant's dunning policies, which customer is dunned under which, the daily run's
 * schedule, a preview of what a run would send, the runs and each customer's notices.
 */
@Component(service = DunningResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("dunning")
@Produces(MediaType.APPLICATION_JSON)
public class DunningResource {

    static final String PDF = "application/pdf";

    /** The body of {@code PUT /dunning/customers/{id}/policy}. */
    public record PolicyAssignment(String policyCode) {
    }

    /**
     * The schedule as the API shows and takes it: {@code runAt} as {@code HH:mm}; {@code zone} is the tenant's time
     * zone, shown for reading: a body may leave it out or send that same zone (as bodies written for the schedule's
     * own zone did), and any other is refused, since the tenant's settings are the one place its zone is set.
     */
    public record ScheduleView(Boolean enabled, String runAt, String zone) {

        static ScheduleView of(DunningSchedule schedule, ZoneId zone) {
            return new ScheduleView(schedule.enabled(), schedule.runAt().toString(), zone.getId());
        }
    }

    /** The body of {@code POST /dunning/runs}. */
    public record RunRequest(LocalDate date) {
    }

    private final DunningPolicies policies;
    private final DunningRuns runs;
    private final CustomerAccounts customers;
    private final TenantDirectory tenants;
    private final PrintQueue letters;
    private final Clock clock;

    @Activate
    public DunningResource(@Reference DunningPolicies policies, @Reference DunningRuns runs,
            @Reference CustomerAccounts customers, @Reference TenantDirectory tenants, @Reference PrintQueue letters) {
        this.policies = policies;
        this.runs = runs;
        this.customers = customers;
        this.tenants = tenants;
        this.letters = letters;
        this.clock = Clock.systemUTC();
    }

    @GET
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @Path("policies")
    public List<DunningPolicy> list(@Context ContainerRequestContext request) {
        return policies.list(TenantFilter.tenantOf(request));
    }

    @GET
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @Path("policies/{code}")
    public DunningPolicy read(@Context ContainerRequestContext request, @PathParam("code") String code) {
        return policies.find(TenantFilter.tenantOf(request), code)
                .orElseThrow(() -> new NotFoundException("dunning policy", code));
    }

    @PUT
    @Path("policies/{code}")
    @Permitted({ FINANCE_MANAGER, TENANT_ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    public DunningPolicy define(@Context ContainerRequestContext request, @PathParam("code") String code,
            DunningPolicyRequest definition) {
        return policies.define(TenantFilter.tenantOf(request), code, definition);
    }

    @DELETE
    @Permitted({ FINANCE_MANAGER, TENANT_ADMIN })
    @Path("policies/{code}")
    @Answers(204)
    public Response remove(@Context ContainerRequestContext request, @PathParam("code") String code) {
        policies.remove(TenantFilter.tenantOf(request), code);
        return Response.noContent().build();
    }

    /** The policy the customer is dunned under: its own, its segment's or the default. */
    @GET
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    @Path("customers/{id}/policy")
    public DunningPolicy policyOf(@Context ContainerRequestContext request, @PathParam("id") String id) {
        UUID customer = ReadableCustomers.customer(customers, request, id).id();
        return policies.policyFor(TenantFilter.tenantOf(request), customer)
                .orElseThrow(() -> new NotFoundException("dunning policy of customer", id));
    }

    @PUT
    @Path("customers/{id}/policy")
    @Permitted({ FINANCE_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    public DunningPolicy assign(@Context ContainerRequestContext request, @PathParam("id") String id,
            PolicyAssignment assignment) {
        if (assignment == null || assignment.policyCode() == null || assignment.policyCode().isBlank()) {
            throw new InvalidRequestException(FieldViolation.of("policyCode", "is required"));
        }
        TenantId tenant = TenantFilter.tenantOf(request);
        UUID customer = QueryParameters.pathId("customer", id);
        policies.assign(tenant, customer, assignment.policyCode().strip());
        return policies.policyFor(tenant, customer).orElseThrow();
    }

    /** Takes the customer's own assignment away: its segment's policy or the default applies again. */
    @DELETE
    @Permitted({ FINANCE_MANAGER })
    @Path("customers/{id}/policy")
    @Answers(204)
    public Response unassign(@Context ContainerRequestContext request, @PathParam("id") String id) {
        policies.assign(TenantFilter.tenantOf(request), QueryParameters.pathId("customer", id), null);
        return Response.noContent().build();
    }

    @GET
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, AUDITOR })
    @Path("customers/{id}/notices")
    public List<DunningNotice> notices(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return runs.notices(TenantFilter.tenantOf(request), ReadableCustomers.customer(customers, request, id).id());
    }

    @GET
    @Permitted({ FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @Path("schedule")
    public ScheduleView schedule(@Context ContainerRequestContext request) {
        TenantId tenant = TenantFilter.tenantOf(request);
        return ScheduleView.of(runs.schedule(tenant), tenants.timeZone(tenant));
    }

    @PUT
    @Path("schedule")
    @Permitted({ TENANT_ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    public ScheduleView schedule(@Context ContainerRequestContext request, ScheduleView schedule) {
        if (schedule == null) {
            throw new InvalidRequestException(FieldViolation.of("body", "is required"));
        }
        LocalTime runAt;
        try {
            runAt = schedule.runAt() == null ? null : LocalTime.parse(schedule.runAt().strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(FieldViolation.of("runAt", "must be a time of day like 06:30"));
        }
        TenantId tenant = TenantFilter.tenantOf(request);
        ZoneId zone = tenants.timeZone(tenant);
        if (schedule.zone() != null && !schedule.zone().strip().equals(zone.getId())) {
            throw new InvalidRequestException(FieldViolation.of("zone", "is the tenant's time zone, " + zone.getId()
                    + ": leave it out, or change timeZone in the tenant's settings"));
        }
        return ScheduleView.of(runs.schedule(tenant, new DunningSchedule(!Boolean.FALSE.equals(schedule.enabled()),
                runAt)), zone);
    }

    /** What a run on {@code date} (today by default, in UTC) would send now; nothing is changed. */
    @GET
    @Permitted({ CLERK, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @Path("preview")
    public List<DunningNotice> preview(@Context ContainerRequestContext request, @QueryParam("date") String date) {
        LocalDate day = QueryParameters.date("date", date);
        return runs.preview(TenantFilter.tenantOf(request), day == null ? LocalDate.now(clock) : day);
    }

    /** Runs the dunning of a day now (today by default, in UTC), or answers that day's run as it was done. */
    @POST
    @Path("runs")
    @Permitted({ FINANCE_MANAGER, TENANT_ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    public DunningRun run(@Context ContainerRequestContext request, RunRequest run) {
        LocalDate day = run == null || run.date() == null ? LocalDate.now(clock) : run.date();
        return runs.run(TenantFilter.tenantOf(request), day);
    }

    @GET
    @Permitted({ CLERK, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @Path("runs/{date}")
    public DunningRun runOf(@Context ContainerRequestContext request, @PathParam("date") String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new NotFoundException("dunning run", date);
        }
        if (ValueRanges.dateProblem(day) != null) {
            throw new NotFoundException("dunning run", date);
        }
        return runs.find(TenantFilter.tenantOf(request), day).orElseThrow(() -> new NotFoundException("dunning run", date));
    }

    /** The letters awaiting printing, oldest first. */
    @GET
    @Permitted({ CLERK, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @Path("letters")
    public List<Letter> letters(@Context ContainerRequestContext request) {
        return letters.awaiting(TenantFilter.tenantOf(request));
    }

    /** The letter's PDF to print: the notice and the customer's statement. */
    @GET
    @Permitted({ CLERK, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @Path("letters/{noticeId}/pdf")
    @Produces(PDF)
    @Answers(value = 200, body = byte[].class)
    public Response letter(@Context ContainerRequestContext request, @PathParam("noticeId") String noticeId) {
        UUID notice = QueryParameters.pathId("letter", noticeId);
        return Response.ok(letters.pdf(TenantFilter.tenantOf(request), notice), PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"letter-" + notice + ".pdf\"").build();
    }

    /** Marks the letter printed by the caller; marking it again changes nothing. */
    @POST
    @Permitted({ CLERK, FINANCE_MANAGER, TENANT_ADMIN })
    @Path("letters/{noticeId}/printed")
    public Letter printed(@Context ContainerRequestContext request, @PathParam("noticeId") String noticeId) {
        return letters.printed(TenantFilter.tenantOf(request), QueryParameters.pathId("letter", noticeId),
                TenantFilter.callerOf(request).actor().id());
    }
}
