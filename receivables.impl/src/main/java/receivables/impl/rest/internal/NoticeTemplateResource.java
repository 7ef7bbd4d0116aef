package receivables.impl.rest.internal;

import static receivables.api.people.Role.AUDITOR;
import static receivables.api.people.Role.CLERK;
import static receivables.api.people.Role.COLLECTOR;
import static receivables.api.people.Role.FINANCE_MANAGER;
import static receivables.api.people.Role.TENANT_ADMIN;

import java.util.List;

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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.collections.NoticeTemplate;
import receivables.api.collections.NoticeTemplateRequest;
import receivables.api.collections.NoticeTemplates;
import receivables.api.collections.RenderedNotice;

/**
 * {@code /api/v1/dunning/templates}: the texts notices are written from, per level ({@code reminder}, {@code 1} to
 * {@code 20}) and language ({@code zh-CN}, {@code en}), a preview of one as a customer reads it, and the pay link
 * {@code {{payLink}}} stands for.
 */
@Component(service = NoticeTemplateResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("dunning/templates")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeTemplateResource {

    /** The pay link as the API shows and takes it; {@code pattern} null when there is none. */
    public record PayLink(String pattern) {
    }

    private final NoticeTemplates templates;

    @Activate
    public NoticeTemplateResource(@Reference NoticeTemplates templates) {
        this.templates = templates;
    }

    /** The templates the tenant has written; the levels and languages not listed use the defaults. */
    @GET
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    public List<NoticeTemplate> list(@Context ContainerRequestContext request) {
        return templates.list(TenantFilter.tenantOf(request));
    }

    @GET
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @Path("{level}/{language}")
    public NoticeTemplate read(@Context ContainerRequestContext request, @PathParam("level") String level,
            @PathParam("language") String language) {
        return templates.find(TenantFilter.tenantOf(request), level, language);
    }

    @PUT
    @Permitted({ FINANCE_MANAGER, TENANT_ADMIN })
    @Path("{level}/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    public NoticeTemplate define(@Context ContainerRequestContext request, @PathParam("level") String level,
            @PathParam("language") String language, NoticeTemplateRequest template) {
        return templates.define(TenantFilter.tenantOf(request), level, language, template);
    }

    /** Takes the tenant's template away: the default is used again. */
    @DELETE
    @Permitted({ FINANCE_MANAGER, TENANT_ADMIN })
    @Path("{level}/{language}")
    @Answers(204)
    public Response reset(@Context ContainerRequestContext request, @PathParam("level") String level,
            @PathParam("language") String language) {
        templates.reset(TenantFilter.tenantOf(request), level, language);
        return Response.noContent().build();
    }

    /** The draft in the body (or, without one, the template in use) filled with an example; nothing is stored. */
    @POST
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN })
    @Path("{level}/{language}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public RenderedNotice preview(@Context ContainerRequestContext request, @PathParam("level") String level,
            @PathParam("language") String language, NoticeTemplateRequest draft) {
        return templates.preview(TenantFilter.tenantOf(request), level, language, draft);
    }

    @GET
    @Permitted({ CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR })
    @Path("pay-link")
    public PayLink payLink(@Context ContainerRequestContext request) {
        return new PayLink(templates.payLink(TenantFilter.tenantOf(request)).orElse(null));
    }

    /** Sets the pay link pattern; {@code {"pattern": null}} removes it. */
    @PUT
    @Permitted({ FINANCE_MANAGER, TENANT_ADMIN })
    @Path("pay-link")
    @Consumes(MediaType.APPLICATION_JSON)
    public PayLink payLink(@Context ContainerRequestContext request, PayLink link) {
        if (link == null) {
            throw new InvalidRequestException(FieldViolation.of("body", "is required"));
        }
        return new PayLink(templates.payLink(TenantFilter.tenantOf(request), link.pattern()).orElse(null));
    }
}
