package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.FINANCE_MANAGER;

import java.util.List;

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
import jakarta.ws.rs.core.MediaType;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.journal.Journal;
import receivables.api.journal.JournalEntry;

/**
 * {@code /api/v1/journal?reference=}: the journal entries about one invoice, credit note or payment number (or a
 * payment id).
 */
@Component(service = JournalResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("journal")
@Produces(MediaType.APPLICATION_JSON)
public class JournalResource {

    @Reference
    Journal journal;

    @Permitted({ FINANCE_MANAGER, AUDITOR })
    @GET
    public List<JournalEntry> entries(@Context ContainerRequestContext request, @QueryParam("reference") String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidRequestException(FieldViolation.of("reference", "is required"));
        }
        return journal.entriesFor(TenantFilter.tenantOf(request), reference.trim());
    }
}
