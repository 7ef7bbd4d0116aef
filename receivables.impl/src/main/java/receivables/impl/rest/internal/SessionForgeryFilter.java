package receivables.impl.rest.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import receivables.api.people.PresentedCredentials;
import receivables.impl.user.internal.SessionCookie;

/**
 * Refuses with 403 a state-changing request that a session cookie would authenticate unless it carries the session's
 * CSRF token in {@code X-CSRF-Token}: a page of another site can make the browser send the cookie, but cannot read the
 * token. Runs before authentication; the token is derived from the cookie, so this needs no lookup. Signing in is
 * exempt: it is how a session (and its token) is had, and the cookie's {@code SameSite=Strict} keeps other sites out.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("receivables.session-forgery")
@JakartarsApplicationSelect(RestApplication.SELECT)
@Priority(Priorities.AUTHENTICATION)
public class SessionForgeryFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie presented = request.getCookies().get(SessionCookie.NAME);
        Optional<SessionCookie> cookie = SessionCookie.parse(presented == null ? null : presented.getValue());
        if (cookie.isEmpty() || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null || !PresentedCredentials.changesState(request.getMethod())
                || signingIn(request)) {
            return;
        }
        if (!cookie.get().csrfTokenIs(request.getHeaderString(SessionResource.CSRF_HEADER))) {
            request.abortWith(ProblemResponses.response(new Problem(Problem.TYPE_PREFIX + "csrf-token-missing",
                    "Forbidden", 403, "A request of a signed-in session that changes anything carries the session's "
                            + "csrfToken in the " + SessionResource.CSRF_HEADER + " header.", null)));
        }
    }

    private static boolean signingIn(ContainerRequestContext request) {
        return request.getMethod().equals("POST") && request.getUriInfo().getPath().replaceAll("^/+|/+$", "").equals("session");
    }
}
