package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

import receivables.api.people.CallerAuthentication;

/**
 * The platform administrator's tenants over HTTP in the running host: listed, created (serving requests a moment
 * later, with the key whose hash it was given), their features switched (a feature's endpoints then refused); bad
 * input named; every tenant's caller, whatever their roles, refused. The platform's users come from
 * {@link CallerAuthenticationIT}'s gateway: {@code root} administers the platform, {@code alice} is a clerk.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformTenantsIT extends InReferenceHost {

    private static final String NEW_TENANT = "platform-made";
    // The hash of the demo key, as etc/receivables.tenant-default.cfg holds it.
    private static final String DEMO_KEY_HASH = "{hmac-sha256}CO1eQP0qO0xSA4qaT1bEzA:wkiaZ7xwPgxu7STKhpfahPcyqu/wSp/cDRyiZPO+0AA";

    private ServiceRegistration<CallerAuthentication> platform;

    public PlatformTenantsIT() {
        super("platform-tenants");
    }

    @Before
    public void aPlatformAuthentication() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, 100);
        platform = context.registerService(CallerAuthentication.class, new CallerAuthenticationIT.GatewayAuthentication(), properties);
    }

    @After
    public void removeIt() throws Exception {
        platform.unregister();
        org.osgi.service.cm.Configuration[] made = configurationAdmin.listConfigurations("(id=" + NEW_TENANT + ")");
        if (made != null) {
            for (org.osgi.service.cm.Configuration configuration : made) {
                configuration.delete();
            }
        }
    }

    @Test
    public void thePlatformAdministratorCreatesATenantAndSwitchesItsFeatures() {
        Http.Reply listed = as("root", "GET", "/api/v1/platform/tenants", null);
        assertEquals(listed.body(), 200, listed.status());
        assertTrue(listed.body(), listed.body().contains("\"id\":\"default\""));
        assertTrue("no key hash is shown: " + listed.body(), !listed.body().contains("hmac"));

        Http.Reply created = as("root", "POST", "/api/v1/platform/tenants", "{\"id\":\"" + NEW_TENANT + "\",\"name\":"
                + "\"Made by the platform\",\"functionalCurrency\":\"CNY\",\"timeZone\":\"Asia/Shanghai\",\"features\":"
                + "[\"bank-reconciliation\"],\"apiKeyHashes\":[\"" + DEMO_KEY_HASH + "\"]}");

        assertEquals(created.body(), 201, created.status());
        assertEquals(1, created.json().get("apiKeys").asInt());
        http.await("/api/v1/health", reply -> http.get("/api/v1/tenant", NEW_TENANT, Http.DEFAULT_KEY).status() == 200,
                Duration.ofSeconds(20));
        JsonNode tenant = http.get("/api/v1/tenant", NEW_TENANT, Http.DEFAULT_KEY).json();
        assertEquals("CNY", tenant.get("functionalCurrency").asText());
        assertEquals("Asia/Shanghai", tenant.get("timeZone").asText());
        assertEquals(200, http.get("/api/v1/bank-statements", NEW_TENANT, Http.DEFAULT_KEY).status());
        Http.Reply again = as("root", "POST", "/api/v1/platform/tenants", "{\"id\":\"" + NEW_TENANT + "\"}");
        assertEquals(again.body(), 409, again.status());

        Object registered = tenantService();
        Http.Reply switched = as("root", "PUT", "/api/v1/platform/tenants/" + NEW_TENANT + "/features",
                "{\"features\":[]}");

        assertEquals(switched.body(), 200, switched.status());
        // The change takes effect in place: asked without pause, the tenant is never unknown (401) on the way.
        List<Integer> seen = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(20);
        do {
            seen.add(http.get("/api/v1/bank-statements", NEW_TENANT, Http.DEFAULT_KEY).status());
        } while (seen.get(seen.size() - 1) != 403 && Instant.now().isBefore(deadline));
        assertTrue(seen.toString(), seen.stream().allMatch(status -> status == 200 || status == 403));
        assertEquals("the tenant stayed registered as it was", registered, tenantService());
        assertTrue(http.get("/api/v1/bank-statements", NEW_TENANT, Http.DEFAULT_KEY).body().contains("feature-not-enabled"));
        Http.Reply unknown = as("root", "PUT", "/api/v1/platform/tenants/nobody-here/features", "{\"features\":[]}");
        assertEquals(unknown.body(), 404, unknown.status());
    }

    /** The service id of the new tenant's component, which is private to the implementation. */
    private Object tenantService() {
        try {
            ServiceReference<?>[] tenants = context.getAllServiceReferences(
                    "receivables.impl.tenant.internal.ConfiguredTenant", "(id=" + NEW_TENANT + ")");
            assertEquals(1, tenants == null ? 0 : tenants.length);
            return tenants[0].getProperty(Constants.SERVICE_ID);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void badInputIsNamedAndNoTenantsCallerReachesIt() {
        Http.Reply badId = as("root", "POST", "/api/v1/platform/tenants", "{\"id\":\"Not An Id\"}");
        assertEquals(badId.body(), 400, badId.status());
        assertTrue(badId.body(), badId.body().contains("\"field\":\"id\""));
        Http.Reply keyInClear = as("root", "POST", "/api/v1/platform/tenants", "{\"id\":\"" + NEW_TENANT + "\","
                + "\"apiKeyHashes\":[\"a-key-in-clear-0001\"],\"features\":[\"Bad Feature\"],\"timeZone\":\"Mars/Olympus\"}");
        assertEquals(keyInClear.body(), 400, keyInClear.status());
        assertTrue(keyInClear.body(), keyInClear.body().contains("apiKeyHashes[0]")
                && keyInClear.body().contains("features[0]") && keyInClear.body().contains("timeZone"));
        assertTrue(as("root", "GET", "/api/v1/platform/tenants", null).body(), !as("root", "GET",
                "/api/v1/platform/tenants", null).body().contains(NEW_TENANT));

        Http.Reply tenantCaller = as("alice", "GET", "/api/v1/platform/tenants", null);
        assertEquals(tenantCaller.body(), 403, tenantCaller.status());
        assertTrue(tenantCaller.body(), tenantCaller.body().contains("platform-only"));
        assertEquals(403, http.get("/api/v1/platform/tenants").status());
        assertEquals(401, http.send(http.request("/api/v1/platform/tenants", null, null).GET()).status());
    }

    private Http.Reply as(String user, String method, String path, String json) {
        HttpRequest.Builder request = http.request(path, null, null).header(CallerAuthenticationIT.USER_HEADER, user);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }
}
