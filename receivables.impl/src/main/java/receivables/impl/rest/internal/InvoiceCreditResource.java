package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.approval.ApprovalRequest;
import receivables.api.credit.CreditNote;
import receivables.api.credit.CreditNoteRequest;
import receivables.api.credit.CreditNotes;
import receivables.api.credit.WriteOff;
import receivables.api.credit.WriteOffs;
import receivables.api.invoice.Invoices;
import receivables.api.money.Money;

/**
 * {@code /api/v1/invoices/{id}/credit-notes} and {@code /api/v1/invoices/{id}/write-off}: credit notes on an
 * invoice and bad-debt write-offs, with amounts in the invoice's currency. Its root path is the invoice
 * resource's, so that Jersey merges the two rather than letting a root of {@code invoices/{id}} shadow it.
 */
@Component(service = InvoiceCreditResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceCreditResource {

    /**
     * The body of {@code POST /invoices/{id}/credit-notes}: {@code amount} a plain decimal in the invoice's
     * currency, or none for everything still open; without {@code date} the credit note is dated today.
     */
    public record CreditNoteBody(BigDecimal amount, String reason, LocalDate date) {
    }

    /** The body of {@code POST /invoices/{id}/write-off}; without {@code date} the write-off is dated today. */
    public record WriteOffBody(String reason, LocalDate date) {
    }

    @Reference
    Invoices invoices;

    @Reference
    CreditNotes creditNotes;

    @Reference
    WriteOffs writeOffs;

    Clock clock = Clock.systemUTC();

    @Permitted({ FINANCE_MANAGER })
    @POST
    @Path("{id}/credit-notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = CreditNote.class)
    @Answers(value = 202, body = ApprovalRequest.class)
    public Response issueCreditNote(@Context ContainerRequestContext request, @PathParam("id") String id,
            @HeaderParam(PaymentResource.IDEMPOTENCY_KEY) String key, CreditNoteBody body) {
        TenantId tenant = TenantFilter.tenantOf(request);
        UUID invoiceId = QueryParameters.pathId("invoice", id);
        if (body == null) {
            throw new InvalidRequestException(FieldViolation.of("body", "is required"));
        }
        Money amount = body.amount() == null ? null : amountOfInvoice(tenant, invoiceId, body.amount());
        CreditNote note = creditNotes.issue(tenant, invoiceId, new CreditNoteRequest(amount, body.reason(),
                body.date() == null ? LocalDate.now(clock) : body.date()), key);
        return Response.created(URI.create("invoices/" + invoiceId + "/credit-notes/" + note.id())).entity(note).build();
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}/credit-notes")
    public List<CreditNote> creditNotes(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return creditNotes.forInvoice(TenantFilter.tenantOf(request), QueryParameters.pathId("invoice", id));
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}/credit-notes/{creditNoteId}")
    public CreditNote creditNote(@Context ContainerRequestContext request, @PathParam("id") String id,
            @PathParam("creditNoteId") String creditNoteId) {
        UUID invoiceId = QueryParameters.pathId("invoice", id);
        return creditNotes.find(TenantFilter.tenantOf(request), QueryParameters.pathId("credit note", creditNoteId))
                .filter(note -> note.invoiceId().equals(invoiceId))
                .orElseThrow(() -> new NotFoundException("credit note", creditNoteId));
    }

    @Permitted({ FINANCE_MANAGER })
    @POST
    @Path("{id}/write-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 201, body = WriteOff.class)
    @Answers(value = 202, body = ApprovalRequest.class)
    public Response writeOffBadDebt(@Context ContainerRequestContext request, @PathParam("id") String id,
            WriteOffBody body) {
        UUID invoiceId = QueryParameters.pathId("invoice", id);
        if (body == null) {
            throw new InvalidRequestException(FieldViolation.of("body", "is required"));
        }
        WriteOff writeOff = writeOffs.writeOffBadDebt(TenantFilter.tenantOf(request), invoiceId, body.reason(),
                body.date() == null ? LocalDate.now(clock) : body.date());
        return Response.created(URI.create("invoices/" + invoiceId + "/write-offs/" + writeOff.id())).entity(writeOff)
                .build();
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}/write-offs")
    public List<WriteOff> writeOffs(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return writeOffs.forInvoice(TenantFilter.tenantOf(request), QueryParameters.pathId("invoice", id));
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{id}/write-offs/{writeOffId}")
    public WriteOff writeOff(@Context ContainerRequestContext request, @PathParam("id") String id,
            @PathParam("writeOffId") String writeOffId) {
        UUID invoiceId = QueryParameters.pathId("invoice", id);
        return writeOffs.find(TenantFilter.tenantOf(request), QueryParameters.pathId("write-off", writeOffId))
                .filter(writeOff -> writeOff.invoiceId().equals(invoiceId))
                .orElseThrow(() -> new NotFoundException("write-off", writeOffId));
    }

    /** {@code amount} in the invoice's currency, which the client implies rather than repeats. */
    private Money amountOfInvoice(TenantId tenant, UUID invoiceId, BigDecimal amount) {
        String currency = invoices.find(tenant, invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId))
                .currency();
        int scale = Money.scaleOf(currency);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new InvalidRequestException(FieldViolation.of("amount", "has more decimals than " + currency
                    + " allows (" + scale + ")"));
        }
        return Money.of(amount, currency);
    }
}
