package receivables.itest;

import static org.junit.Assert.assertEquals;

import java.util.EnumSet;
import java.util.Hashtable;
import java.util.Optional;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

import receivables.api.TenantId;
import receivables.api.audit.Actor;
import receivables.api.people.AuthenticationVerdict;
import receivables.api.people.Caller;
import receivables.api.people.CallerAuthentication;
import receivables.api.people.PlatformAdministrator;
import receivables.api.people.PresentedCredentials;
import receivables.api.people.Role;

/**
 * A platform plugs its own authentication into the running host: a {@link CallerAuthentication} registered as
 * a service is asked before the built-in API keys, its caller acts for its tenant and the audit trail names them,
 * its rejection answers 401, a platform administrator reaches no tenant, and the configured API keys keep working
 * next to it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CallerAuthenticationIT extends InReferenceHost {

    static final String USER_HEADER = "X-Platform-User";

    private ServiceRegistration<CallerAuthentication> platform;

    /** A gateway in front of the host that vouches for its users in a header, as a platform would. */
    static final class GatewayAuthentication implements CallerAuthentication {

        @Override
        public AuthenticationVerdict authenticate(PresentedCredentials presented) {
            Optional<String> user = presented.header(USER_HEADER);
            if (user.isEmpty()) {
                return AuthenticationVerdict.abstained();
            }
            return switch (user.get()) {
                case "alice" -> AuthenticationVerdict.authenticated(new Caller(new TenantId(Http.DEFAULT_TENANT),
                        new Actor(Actor.Kind.USER, "alice"), EnumSet.of(Role.CLERK)));
                case "root" -> AuthenticationVerdict.authenticated(new PlatformAdministrator(new Actor(Actor.Kind.USER,
                        "root")));
                default -> AuthenticationVerdict.rejected("the gateway does not know " + user.get());
            };
        }
    }

    public CallerAuthenticationIT() {
        super("caller-authentication");
    }

    @Before
    public void aPlatformAuthentication() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, 100);
        platform = context.registerService(CallerAuthentication.class, new GatewayAuthentication(), properties);
    }

    @After
    public void removeIt() {
        platform.unregister();
    }

    @Test
    public void thePlatformsCallerActsForTheirTenantAndTheTrailNamesThem() {
        Http.Reply created = http.send(http.request("/api/v1/customers", null, null).header(USER_HEADER, "alice")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Gateway GmbH\",\"currency\":\"EUR\"}")));
        assertEquals(created.body(), 201, created.status());
        String id = created.json().get("id").asText();

        JsonNode creation = http.get("/api/v1/audit?entityType=customer&entityId=" + id).json().at("/items/0");
        assertEquals("USER", creation.at("/actor/kind").asText());
        assertEquals("alice", creation.at("/actor/id").asText());
    }

    @Test
    public void aRejectionAnOtherTenantAndAPlatformAdministratorAreRefused() {
        assertEquals(401, http.send(http.request("/api/v1/customers", null, null).header(USER_HEADER, "mallory").GET())
                .status());
        assertEquals("a caller acts only for their own tenant", 401,
                http.send(http.request("/api/v1/customers", "other", null).header(USER_HEADER, "alice").GET()).status());
        Http.Reply administrator = http.send(http.request("/api/v1/customers", null, null).header(USER_HEADER, "root")
                .GET());
        assertEquals(administrator.body(), 403, administrator.status());
        assertEquals(200, http.get("/api/v1/customers").status());
    }
}
