package receivables.impl.rest.internal;

import java.net.URI;

import org.osgi.service.component.annotations.Activate;
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
import receivables.api.people.IssuedPassword;
import receivables.api.people.Role;
import receivables.api.people.User;
import receivables.api.people.UserRequest;
import receivables.api.people.Users;

/**
 * {@code /api/v1/users}: the tenant's built-in users, as its tenant admins manage them. A new user, and a user whose
 * password is reset, gets a one-time password that this API shows once and that they replace at their next sign-in.
 * The version travels as the ETag; send it back in {@code If-Match} to update only what you read.
 */
@Component(service = UserResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final Users users;

    @Activate
    public UserResource(@Reference Users users) {
        this.users = users;
    }

    @GET
    @Permitted({ Role.TENANT_ADMIN, Role.AUDITOR })
    public Page<User> list(@Context ContainerRequestContext request, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return users.list(TenantFilter.tenantOf(request), new PageRequest(QueryParameters.integer("page", page, 0),
                QueryParameters.integer("size", size, PageRequest.DEFAULT_SIZE)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permitted(Role.TENANT_ADMIN)
    @Answers(value = 201, body = IssuedPassword.class)
    public Response create(@Context ContainerRequestContext request, UserRequest body) {
        IssuedPassword issued = users.create(TenantFilter.tenantOf(request), required(body));
        return Response.created(URI.create("users/" + issued.user().id())).tag(etag(issued.user())).entity(issued).build();
    }

    @GET
    @Path("{id}")
    @Permitted({ Role.TENANT_ADMIN, Role.AUDITOR })
    @Answers(value = 200, body = User.class)
    public Response read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        User user = users.find(TenantFilter.tenantOf(request), QueryParameters.pathId("user", id))
                .orElseThrow(() -> new NotFoundException("user", id));
        return Response.ok(user).tag(etag(user)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permitted(Role.TENANT_ADMIN)
    @Answers(value = 200, body = User.class)
    public Response update(@Context ContainerRequestContext request, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, UserRequest body) {
        User user = users.update(TenantFilter.tenantOf(request), QueryParameters.pathId("user", id), required(body),
                QueryParameters.expectedVersion(ifMatch, "user"));
        return Response.ok(user).tag(etag(user)).build();
    }

    @DELETE
    @Path("{id}")
    @Permitted(Role.TENANT_ADMIN)
    @Answers(204)
    public Response delete(@Context ContainerRequestContext request, @PathParam("id") String id) {
        users.delete(TenantFilter.tenantOf(request), QueryParameters.pathId("user", id));
        return Response.noContent().build();
    }

    /** A one-time password in place of the user's own, which they forgot; their sessions end. */
    @POST
    @Path("{id}/password-reset")
    @Permitted(Role.TENANT_ADMIN)
    public IssuedPassword resetPassword(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return users.resetPassword(TenantFilter.tenantOf(request), QueryParameters.pathId("user", id));
    }

    /** Removes the user's second factor, when they lost their authenticator. */
    @DELETE
    @Path("{id}/totp")
    @Permitted(Role.TENANT_ADMIN)
    @Answers(value = 200, body = User.class)
    public Response removeSecondFactor(@Context ContainerRequestContext request, @PathParam("id") String id) {
        User user = users.removeSecondFactor(TenantFilter.tenantOf(request), QueryParameters.pathId("user", id));
        return Response.ok(user).tag(etag(user)).build();
    }

    private static UserRequest required(UserRequest body) {
        if (body == null) {
            throw new InvalidRequestException(FieldViolation.of("body", "is required"));
        }
        return body;
    }

    private static EntityTag etag(User user) {
        return new EntityTag(Long.toString(user.version()));
    }
}
