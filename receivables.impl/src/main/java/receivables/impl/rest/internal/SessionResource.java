package receivables.impl.rest.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;


import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.people.Role;
import receivables.api.people.User;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.user.internal.ActiveSession;
import receivables.impl.user.internal.SessionCookie;
import receivables.impl.user.internal.SignInOutcome;
import receivables.impl.user.internal.SignIns;

/**
 * {@code /api/v1/session}: built-in users sign in (a session cookie, {@code HttpOnly}, {@code SameSite=Strict},
 * {@code Secure} over TLS, and a CSRF token every state-changing request of the session carries in
 * {@code X-CSRF-Token}), read their session, sign out, change their password and enrol a TOTP second factor.
 * Outside the permission table: every method but signing in acts on the session of the request's cookie, whatever the
 * user's roles, and answers 401 without one.
 */
@Component(service = SessionResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@CredentialsOptional
public class SessionResource {

    static final String CSRF_HEADER = "X-CSRF-Token";

    /** The body of {@code POST /session}: {@code totp} when asked for, {@code newPassword} to replace a one-time one. */
    public record SignInRequest(String tenant, String username, String password, String totp, String newPassword) {

        @Override
        public String toString() {
            return "SignInRequest[tenant=" + tenant + ", username=" + username + ", secrets withheld]";
        }
    }

    /** The signed-in user as the UI shows them. */
    public record SessionUser(UUID id, String username, String displayName) {
    }

    /** What {@code POST} and {@code GET /session} answer. */
    public record SessionView(String tenant, SessionUser user, List<Role> roles, List<String> features,
            String csrfToken) {
    }

    /** The body of {@code PUT /session/password}. */
    public record PasswordChange(String currentPassword, String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[secrets withheld]";
        }
    }

    /** The body of {@code PUT /session/totp}. */
    public record TotpConfirmation(String code) {
    }

    /** A second factor to enrol: the secret to type in, the {@code otpauth://} URI to show as a QR code. */
    public record TotpEnrolmentView(String secret, String uri) {
    }

    private final SignIns signIns;
    private final TenantDirectory tenants;
    private final RequestOrigins origins;

    @Context
    HttpServletRequest servletRequest;

    @Activate
    public SessionResource(@Reference SignIns signIns, @Reference TenantDirectory tenants,
            @Reference RequestOrigins origins) {
        this.signIns = signIns;
        this.tenants = tenants;
        this.origins = origins;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 200, body = SessionView.class, refusals = { @Answers.Refusal(status = 401, type = "sign-in-refused"),
            @Answers.Refusal(status = 401, type = "second-factor-required"),
            @Answers.Refusal(status = 401, type = "password-change-required"),
            @Answers.Refusal(status = 423, type = "sign-in-blocked"), @Answers.Refusal(status = 429, type = "sign-in-blocked") })
    public Response signIn(@Context HttpHeaders headers, SignInRequest body) {
        if (body == null) {
            throw new InvalidRequestException(FieldViolation.of("body", "is required"));
        }
        SignInOutcome outcome = signIns.signIn(body.tenant(),
                new SignIns.Attempt(body.username(), body.password(), body.totp(), body.newPassword()));
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            return Response.ok(view(signedIn.cookie(), signedIn.user()))
                    .header(HttpHeaders.SET_COOKIE, cookie(signedIn.cookie().value(), secure(headers), false))
                    .build();
        }
        if (outcome instanceof SignInOutcome.SecondFactorRequired) {
            return ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "second-factor-required",
                    "Unauthorized", 401, "Send the current code of your authenticator app as 'totp'.", null)
                    .with("totpRequired", true));
        }
        if (outcome instanceof SignInOutcome.PasswordChangeRequired) {
            return ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "password-change-required",
                    "Unauthorized", 401,
                    "Your password is a one-time password: send a password of your own as 'newPassword'.", null)
                    .with("passwordChangeRequired", true));
        }
        if (outcome instanceof SignInOutcome.Blocked blocked) {
            Problem problem = new Problem(Problem.TYPE_PREFIX + "sign-in-blocked",
                    blocked.lockedOut() ? "Locked" : "Too Many Requests", blocked.lockedOut() ? 423 : 429,
                    "Too many failed sign-ins of this user name; try again in " + blocked.retryAfterSeconds() + " s.",
                    null);
            return Response.fromResponse(ProblemResponses.response(problem.with("lockedOut", blocked.lockedOut())))
                    .header(HttpHeaders.RETRY_AFTER, blocked.retryAfterSeconds())
                    .build();
        }
        return ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "sign-in-refused", "Unauthorized", 401,
                "The user name or the password is wrong, or the user may not sign in.", null));
    }

    @GET
    @Answers(value = 200, body = SessionView.class, refusals = @Answers.Refusal(status = 401, type = "no-session"))
    public Response read(@CookieParam(SessionCookie.NAME) String cookie) {
        return active(cookie).map(active -> Response.ok(view(active.cookie(), active.user())).build())
                .orElseGet(SessionResource::noSession);
    }

    @DELETE
    @Answers(value = 204, refusals = @Answers.Refusal(status = 401, type = "no-session"))
    public Response signOut(@Context HttpHeaders headers, @CookieParam(SessionCookie.NAME) String cookie) {
        return active(cookie).map(active -> {
            signIns.signOut(active.cookie());
            return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", secure(headers), true)).build();
        }).orElseGet(SessionResource::noSession);
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 204, refusals = @Answers.Refusal(status = 401, type = "no-session"))
    public Response changePassword(@CookieParam(SessionCookie.NAME) String cookie, PasswordChange body) {
        if (body == null) {
            throw new InvalidRequestException(FieldViolation.of("body", "is required"));
        }
        return active(cookie).map(active -> signIns.changePassword(active, body.currentPassword(), body.newPassword())
                        .map(block -> ProblemResponses.tooManyRequests("Too many failed sign-ins of this user name",
                                block.retryAfterSeconds()))
                        .orElseGet(() -> Response.noContent().build()))
                .orElseGet(SessionResource::noSession);
    }

    @POST
    @Path("totp")
    @Answers(value = 200, body = TotpEnrolmentView.class, refusals = @Answers.Refusal(status = 401, type = "no-session"))
    public Response enrolTotp(@CookieParam(SessionCookie.NAME) String cookie) {
        return active(cookie).map(active -> {
            SignIns.TotpEnrolment enrolment = signIns.enrolTotp(active);
            return Response.ok(new TotpEnrolmentView(enrolment.secret(), enrolment.uri())).build();
        }).orElseGet(SessionResource::noSession);
    }

    @PUT
    @Path("totp")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(value = 204, refusals = @Answers.Refusal(status = 401, type = "no-session"))
    public Response confirmTotp(@CookieParam(SessionCookie.NAME) String cookie, TotpConfirmation body) {
        if (body == null) {
            throw new InvalidRequestException(FieldViolation.of("body", "is required"));
        }
        return active(cookie).map(active -> {
            signIns.confirmTotp(active, body.code());
            return Response.noContent().build();
        }).orElseGet(SessionResource::noSession);
    }

    /** The session of the request's cookie; a caller authenticated another way has none. */
    private Optional<ActiveSession> active(String cookie) {
        return SessionCookie.parse(cookie).flatMap(signIns::session);
    }

    private SessionView view(SessionCookie cookie, User user) {
        TenantId tenant = cookie.tenant();
        Set<String> features = tenants.features(tenant);
        return new SessionView(tenant.value(), new SessionUser(user.id(), user.username(), user.displayName()),
                user.roles().stream().sorted().toList(), features.stream().sorted().toList(), cookie.csrfToken());
    }

    /** Over TLS, or behind one of the trusted proxies that says the client used https: the proxies decide as for addresses. */
    private boolean secure(HttpHeaders headers) {
        return servletRequest.isSecure() || origins.forwardedHttps(servletRequest.getRemoteAddr(),
                headers.getHeaderString("X-Forwarded-Proto"));
    }

    /** The session cookie: only for our requests ({@code SameSite=Strict}), never for scripts ({@code HttpOnly}). */
    static String cookie(String value, boolean secure, boolean expired) {
        return SessionCookie.NAME + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + (expired ? "; Max-Age=0" : "");
    }

    private static Response noSession() {
        return ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "no-session", "Unauthorized", 401,
                "Sign in first: there is no session, or it ended.", null));
    }
}
