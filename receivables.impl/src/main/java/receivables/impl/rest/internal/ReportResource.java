package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import receivables.api.TenantId;
import receivables.api.provision.ProvisionReport;
import receivables.api.provision.Provisions;
import receivables.api.report.Aging;
import receivables.api.report.AgingReport;
import receivables.api.report.CashForecast;
import receivables.api.report.CashForecasts;
import receivables.api.report.CollectionKpis;
import receivables.api.report.CollectionsReport;
import receivables.api.report.ForecastBackTest;
import receivables.api.report.ReceivablesReport;
import receivables.api.report.ReceivablesReports;
import receivables.api.report.ReportDimension;

/**
 * {@code /api/v1/reports}: reports for finance, aggregated in the database; the reports by dimension and the KPIs
 * also as CSV or XLSX ({@code format=csv|xlsx}).
 */
@Component(service = ReportResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The months of a KPI trend when none are asked for. */
    static final int DEFAULT_MONTHS = 12;

    @Reference
    Aging aging;

    @Reference
    ReceivablesReports reports;

    @Reference
    CashForecasts forecasts;

    @Reference
    Provisions provisions;

    Clock clock = Clock.systemUTC();

    /** Aging as of {@code asOf} (today by default) with bucket limits such as {@code 30,60,90}. */
    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("aging")
    public AgingReport aging(@Context ContainerRequestContext request, @QueryParam("asOf") String asOf,
            @QueryParam("buckets") String buckets) {
        List<Integer> limits = QueryParameters.integers("buckets", buckets);
        return aging.report(TenantFilter.tenantOf(request), day("asOf", asOf), limits);
    }

    /** Open receivables and their aging as of {@code asOf} (today by default) by {@code by} (customer by default). */
    @GET
    @Path("receivables")
    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @Produces({ MediaType.APPLICATION_JSON, AuditResource.CSV, XLSX })
    @Answers(value = 200, body = ReceivablesReport.class)
    public Response receivables(@Context ContainerRequestContext request, @QueryParam("asOf") String asOf,
            @QueryParam("by") String by, @QueryParam("buckets") String buckets, @QueryParam("format") String format) {
        Format chosen = Format.of(format);
        var report = reports.receivables(TenantFilter.tenantOf(request), day("asOf", asOf), dimension(by),
                QueryParameters.integers("buckets", buckets));
        return chosen.respond(report, () -> ReportTable.of(report));
    }

    /** What was collected from {@code from} to {@code to} (the month so far by default) by {@code by}. */
    @GET
    @Path("collections")
    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @Produces({ MediaType.APPLICATION_JSON, AuditResource.CSV, XLSX })
    @Answers(value = 200, body = CollectionsReport.class)
    public Response collections(@Context ContainerRequestContext request, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("by") String by, @QueryParam("format") String format) {
        Format chosen = Format.of(format);
        LocalDate end = day("to", to);
        LocalDate start = QueryParameters.date("from", from);
        var report = reports.collections(TenantFilter.tenantOf(request), start == null ? end.withDayOfMonth(1) : start,
                end, dimension(by));
        return chosen.respond(report, () -> ReportTable.of(report));
    }

    /** DSO, best possible DSO, average days delinquent and CEI as of {@code asOf}, with a trend of {@code months}. */
    @GET
    @Path("kpis")
    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @Produces({ MediaType.APPLICATION_JSON, AuditResource.CSV, XLSX })
    @Answers(value = 200, body = CollectionKpis.class)
    public Response kpis(@Context ContainerRequestContext request, @QueryParam("asOf") String asOf,
            @QueryParam("months") String months, @QueryParam("format") String format) {
        Format chosen = Format.of(format);
        TenantId tenant = TenantFilter.tenantOf(request);
        var kpis = reports.kpis(tenant, day("asOf", asOf), QueryParameters.integer("months", months, DEFAULT_MONTHS));
        return chosen.respond(kpis, () -> ReportTable.of(kpis));
    }

    /** Expected receipts per day and week for the 13 weeks after {@code asOf} (today by default). */
    @GET
    @Path("cash-forecast")
    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @Produces({ MediaType.APPLICATION_JSON, AuditResource.CSV, XLSX })
    @Answers(value = 200, body = CashForecast.class)
    public Response cashForecast(@Context ContainerRequestContext request, @QueryParam("asOf") String asOf,
            @QueryParam("format") String format) {
        Format chosen = Format.of(format);
        var forecast = forecasts.forecast(TenantFilter.tenantOf(request), day("asOf", asOf));
        return chosen.respond(forecast, () -> ReportTable.of(forecast));
    }

    /** The forecast as of a past day against what came in, week by week. */
    @GET
    @Path("cash-forecast/back-test")
    @Permitted({ FINANCE_MANAGER, AUDITOR })
    public ForecastBackTest cashForecastBackTest(@Context ContainerRequestContext request, @QueryParam("asOf") String asOf) {
        LocalDate day = QueryParameters.date("asOf", asOf);
        return forecasts.backTest(TenantFilter.tenantOf(request), day == null ? LocalDate.now(clock).minusDays(
                CashForecasts.WEEKS * 7L) : day);
    }

    /** The IFRS 9 provision matrix as of {@code asOf} (today by default), its roll rates over {@code months} month ends. */
    @GET
    @Path("provision-matrix")
    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @Produces({ MediaType.APPLICATION_JSON, AuditResource.CSV, XLSX })
    @Answers(value = 200, body = ProvisionReport.class)
    public Response provisionMatrix(@Context ContainerRequestContext request, @QueryParam("asOf") String asOf,
            @QueryParam("months") String months, @QueryParam("format") String format) {
        Format chosen = Format.of(format);
        var matrix = provisions.matrix(TenantFilter.tenantOf(request), day("asOf", asOf),
                QueryParameters.integer("months", months, Provisions.DEFAULT_MONTHS));
        return chosen.respond(matrix, () -> ReportTable.of(matrix));
    }

    private LocalDate day(String name, String value) {
        LocalDate day = QueryParameters.date(name, value);
        return day == null ? LocalDate.now(clock) : day;
    }

    private static ReportDimension dimension(String by) {
        ReportDimension dimension = QueryParameters.choice("by", by, ReportDimension.class);
        return dimension == null ? ReportDimension.CUSTOMER : dimension;
    }

    /** How a report goes out: as JSON, or as a download of its table. */
    enum Format {
        JSON, CSV, XLSX;

        static Format of(String format) {
            Format chosen = QueryParameters.choice("format", format, Format.class);
            return chosen == null ? JSON : chosen;
        }

        Response respond(Object report, Supplier<ReportTable> table) {
            if (this == JSON) {
                return Response.ok(report, MediaType.APPLICATION_JSON).build();
            }
            ReportTable sheet = table.get();
            StreamingOutput body = this == CSV ? sheet::writeCsv : sheet::writeXlsx;
            String extension = name().toLowerCase(Locale.ROOT);
            return Response.ok(body, this == CSV ? AuditResource.CSV + "; charset=utf-8" : ReportResource.XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + sheet.name() + "." + extension + "\"")
                    .build();
        }
    }
}
