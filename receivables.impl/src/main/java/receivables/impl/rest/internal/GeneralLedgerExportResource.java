package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.journal.GeneralLedgerExport;
import receivables.api.journal.GeneralLedgerExports;
import receivables.api.journal.JournalEntry;
import receivables.api.journal.JournalLine;
import receivables.impl.validation.internal.Violations;

/**
 * {@code /api/v1/gl-exports}: the journal per month for a general ledger, once per sink and month, as JSON or CSV.
 */
@Component(service = GeneralLedgerExportResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("gl-exports")
@Produces(MediaType.APPLICATION_JSON)
public class GeneralLedgerExportResource {

    private static final String CSV_HEADER = "entryId,entryDate,kind,reference,lineNumber,account,currency,debit,credit,"
            + "functionalCurrency,functionalDebit,functionalCredit";

    /** Which sink and month to export; the month as {@code 2026-03}. */
    public record ExportBody(String sink, String period) {
    }

    @Reference
    GeneralLedgerExports exports;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permitted(FINANCE_MANAGER)
    @Answers(value = 201, body = GeneralLedgerExport.class)
    public Response export(@Context ContainerRequestContext request, ExportBody body) {
        Violations violations = new Violations();
        if (body == null) {
            violations.add("body", "is required").throwIfAny();
        }
        violations.required("sink", body.sink()).required("period", body.period()).throwIfAny();
        YearMonth period;
        try {
            period = YearMonth.parse(body.period().trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(FieldViolation.of("period", "must be a month like 2026-03"));
        }
        GeneralLedgerExport export = exports.export(TenantFilter.tenantOf(request), body.sink().trim(), period);
        return Response.created(URI.create("gl-exports/" + export.id())).entity(export).build();
    }

    @GET
    @Permitted({ FINANCE_MANAGER, AUDITOR })
    public List<GeneralLedgerExport> list(@Context ContainerRequestContext request, @QueryParam("sink") String sink) {
        return exports.list(TenantFilter.tenantOf(request), sink == null || sink.isBlank() ? null : sink.trim());
    }

    /** The export with its entries; {@code format=csv} for one line per journal line. */
    @GET
    @Path("{id}")
    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @Produces({ MediaType.APPLICATION_JSON, AuditResource.CSV })
    @Answers(value = 200, body = GeneralLedgerExport.class)
    public Response read(@Context ContainerRequestContext request, @PathParam("id") String id,
            @QueryParam("format") String format) {
        ReportResource.Format chosen = ReportResource.Format.of(format);
        if (chosen == ReportResource.Format.XLSX) {
            throw new InvalidRequestException(FieldViolation.of("format", "must be json or csv"));
        }
        GeneralLedgerExport export = exports.find(TenantFilter.tenantOf(request), QueryParameters.pathId("gl-export", id))
                .orElseThrow(() -> new NotFoundException("gl-export", id));
        if (chosen == ReportResource.Format.JSON) {
            return Response.ok(export, MediaType.APPLICATION_JSON).build();
        }
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(CSV_HEADER);
            writer.write("\r\n");
            for (JournalEntry entry : export.entries()) {
                for (int i = 0; i < entry.lines().size(); i++) {
                    JournalLine line = entry.lines().get(i);
                    writer.write(String.join(",", entry.id().toString(), entry.date().toString(), entry.kind().name(),
                            AuditResource.cell(entry.reference()), Integer.toString(i + 1), line.account().name(),
                            line.debit().currency(), plain(line.debit().amount()), plain(line.credit().amount()),
                            line.functionalDebit().currency(), plain(line.functionalDebit().amount()),
                            plain(line.functionalCredit().amount())));
                    writer.write("\r\n");
                }
            }
            writer.flush();
        };
        return Response.ok(body, AuditResource.CSV + "; charset=utf-8").header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"journal-" + export.sink() + "-" + export.period() + ".csv\"").build();
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
