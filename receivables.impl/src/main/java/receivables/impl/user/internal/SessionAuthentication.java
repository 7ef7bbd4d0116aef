package receivables.impl.user.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.people.AuthenticationVerdict;
import receivables.api.people.CallerAuthentication;
import receivables.api.people.PresentedCredentials;

/**
 * Authenticates the session cookie of a signed-in built-in user. Abstains when the request presents an
 * {@code Authorization} header: a client that sends its own credentials is not acting through the browser session,
 * and a cookie the browser adds on its own must never vouch for it. The CSRF token of state-changing requests is
 * checked before any authentication runs ({@code SessionForgeryFilter}), so that a forgery is refused with 403.
 */
@Component(service = CallerAuthentication.class, property = "service.ranking:Integer=100")
public class SessionAuthentication implements CallerAuthentication {

    private final SignIns signIns;

    @Activate
    public SessionAuthentication(@Reference SignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    public AuthenticationVerdict authenticate(PresentedCredentials presented) {
        Optional<SessionCookie> cookie = SessionCookie.parse(presented.cookies().get(SessionCookie.NAME));
        if (cookie.isEmpty() || presented.header("Authorization").isPresent()) {
            return AuthenticationVerdict.abstained();
        }
        return signIns.session(cookie.get())
                .map(active -> AuthenticationVerdict.authenticated(active.caller()))
                .orElseGet(() -> AuthenticationVerdict.rejected("the session ended or never was"));
    }
}
