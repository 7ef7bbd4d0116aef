package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.FINANCE_MANAGER;
import static receivables.api.people.Role.TENANT_ADMIN;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.terms.PaymentTerms;
import receivables.api.terms.PaymentTermsCatalog;

/**
 * {@code /api/v1/payment-terms}: the standard terms and the tenant's own, defined in the compact notation
 * ({@code NET30}, {@code EOM+30}, {@code 2%/10 NET30}, {@code 30%@0 40%@30 30%@60}, {@code 3x30}).
 */
@Component(service = PaymentTermsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("payment-terms")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentTermsResource {

    /** Terms as the API shows and takes them. */
    public record TermsView(String code, String name, String notation) {

        static TermsView of(PaymentTerms terms) {
            return new TermsView(terms.code(), terms.name(), terms.notation());
        }
    }

    /** The body of {@code PUT /payment-terms/{code}}. */
    public record TermsDefinition(String name, String notation) {
    }

    @Reference
    PaymentTermsCatalog catalog;

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    public List<TermsView> list(@Context ContainerRequestContext request) {
        return catalog.list(TenantFilter.tenantOf(request)).stream().map(TermsView::of).toList();
    }

    @Permitted({ CLERK, FINANCE_MANAGER, AUDITOR })
    @GET
    @Path("{code}")
    public TermsView read(@Context ContainerRequestContext request, @PathParam("code") String code) {
        return catalog.find(TenantFilter.tenantOf(request), code).map(TermsView::of)
                .orElseThrow(() -> new NotFoundException("payment terms", code));
    }

    @Permitted({ FINANCE_MANAGER, TENANT_ADMIN })
    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TermsView define(@Context ContainerRequestContext request, @PathParam("code") String code,
            TermsDefinition definition) {
        if (definition == null) {
            throw new InvalidRequestException(FieldViolation.of("body", "is required"));
        }
        return TermsView.of(catalog.define(TenantFilter.tenantOf(request), code, definition.name(), definition.notation()));
    }
}
