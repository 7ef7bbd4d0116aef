package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.TENANT_ADMIN;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

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

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.audit.AuditQuery;
import receivables.api.audit.AuditRecord;
import receivables.api.audit.AuditTrail;
import receivables.api.audit.ChainVerification;

/**
 * {@code /api/v1/audit}: the tenant's audit trail by entity, actor and period, in pages or as CSV, and the
 * verification of its hash chain.
 */
@Component(service = AuditResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("audit")
public class AuditResource {

    static final String CSV = "text/csv";
    private static final String CSV_HEADER = "sequence,recordedAt,actorKind,actorId,clientAddress,requestId,entityType,"
            + "entityId,operation,changes,previousHash,hash";

    private static final Instant EARLIEST = LocalDate.of(1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LATEST = LocalDate.of(10000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Reference
    AuditTrail trail;

    @Permitted({ TENANT_ADMIN, AUDITOR })
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<AuditRecord> list(@Context ContainerRequestContext request, @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("actor") String actor, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") String page, @QueryParam("size") String size) {
        AuditQuery query = query(entityType, entityId, actor, from, to);
        PageRequest slice = new PageRequest(QueryParameters.integer("page", page, 0),
                QueryParameters.integer("size", size, PageRequest.DEFAULT_SIZE));
        return trail.find(TenantFilter.tenantOf(request), query, slice);
    }

    @Permitted({ TENANT_ADMIN, AUDITOR })
    @GET
    @Path("export")
    @Produces(CSV)
    @Answers(value = 200, body = String.class)
    public Response export(@Context ContainerRequestContext request, @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("actor") String actor, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        AuditQuery query = query(entityType, entityId, actor, from, to);
        TenantId tenant = TenantFilter.tenantOf(request);
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(CSV_HEADER);
            writer.write("\r\n");
            try {
                trail.forEach(tenant, query, record -> writeLine(writer, record));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, CSV + "; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + tenant.value() + ".csv\"")
                .build();
    }

    @Permitted({ TENANT_ADMIN, AUDITOR })
    @GET
    @Path("verification")
    @Produces(MediaType.APPLICATION_JSON)
    public ChainVerification verify(@Context ContainerRequestContext request) {
        return trail.verify(TenantFilter.tenantOf(request));
    }

    private static void writeLine(BufferedWriter writer, AuditRecord record) {
        String changes = record.changes().stream()
                .map(change -> change.field() + ": " + change.before() + " -> " + change.after())
                .collect(Collectors.joining("; "));
        String[] cells = { Long.toString(record.sequence()), record.recordedAt().toString(), record.actor().kind().name(),
                record.actor().id(), record.clientAddress(), record.requestId(), record.entityType(), record.entityId(),
                record.operation().name(), changes, record.previousHash(), record.hash() };
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(cell(cells[i]));
            }
            writer.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One CSV cell (RFC 4180): quoted when it holds a separator, a quote or a line break; a value a spreadsheet would
     * run as a formula is prefixed with an apostrophe.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                ? '"' + safe.replace("\"", "\"\"") + '"'
                : safe;
    }

    private static AuditQuery query(String entityType, String entityId, String actor, String from, String to) {
        if (entityId != null && !entityId.isBlank() && (entityType == null || entityType.isBlank())) {
            throw new InvalidRequestException(FieldViolation.of("entityType", "is required with entityId"));
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new InvalidRequestException(FieldViolation.of("to", "must be after from"));
        }
        return new AuditQuery(text("entityType", entityType), text("entityId", entityId), text("actor", actor), start, end);
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            throw new InvalidRequestException(FieldViolation.of(name, "must be at most 200 characters"));
        }
        return value.trim();
    }

    /**
     * An instant such as 2026-01-31T08:00:00Z, or a day, meaning its start in UTC; within the years 1 to 9999, the
     * range every date here has (and beyond which PostgreSQL's timestamps end).
     */
    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = value.trim().length() <= 10 ? LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(FieldViolation.of(name, "must be a day like 2026-01-31 or an instant like "
                    + "2026-01-31T08:00:00Z"));
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST)) {
            throw new InvalidRequestException(FieldViolation.of(name, "must be within the years 1 to 9999"));
        }
        return instant;
    }
}
