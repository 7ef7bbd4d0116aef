package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import receivables.itest.RestEndpoints.Endpoint;
import receivables.itest.RestEndpoints.Kind;
import receivables.itest.RestEndpoints.Slot;

/**
 * The permission table enforced in the running host: every endpoint the host registers (found by
 * {@link RestEndpoints}, so a new one is covered without touching this test) is called with a caller of each role,
 * and of none. A role the endpoint's {@code @Permitted} names is let through (no 401 or 403); any other is refused
 * with 403 naming the missing permission. An endpoint that needs credentials but names no role fails the test.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PermissionsIT extends InReferenceHost {

    private static final List<String> ROLES = List.of("CLERK", "COLLECTOR", "FINANCE_MANAGER", "TENANT_ADMIN", "AUDITOR");
    private static final String NO_ROLE = "NONE";
    private static final String FEATURES = "bank-reconciliation";

    private final List<org.osgi.service.cm.Configuration> tenants = new ArrayList<>();

    public PermissionsIT() {
        super("permissions");
    }

    /** One tenant per role, whose configured key holds that role alone, and one whose key holds none. */
    @Before
    public void aTenantPerRole() throws Exception {
        List<String> kinds = new ArrayList<>(ROLES);
        kinds.add(NO_ROLE);
        for (String role : kinds) {
            org.osgi.service.cm.Configuration tenant = configurationAdmin.getFactoryConfiguration("receivables.tenant",
                    tenant(role), "?");
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("id", tenant(role));
            properties.put("apiKeys", new String[] { key(role) });
            properties.put("apiKeyRoles", role.equals(NO_ROLE) ? new String[0] : new String[] { role });
            properties.put("features", new String[] { FEATURES });
            tenant.update(properties);
            tenants.add(tenant);
        }
        for (String role : kinds) {
            http.await("/api/v1/health", reply -> http.get("/api/v1/ui-fragments", tenant(role), key(role)).status() != 401,
                    Duration.ofSeconds(20));
        }
    }

    @After
    public void removeTheTenants() throws Exception {
        for (org.osgi.service.cm.Configuration tenant : tenants) {
            tenant.delete();
        }
    }

    @Test
    public void everyEndpointAnswersTheRolesOfTheTableAndRefusesTheOthers() {
        List<Endpoint> endpoints = RestEndpoints.of(Path.of(System.getProperty("receivables.runtime.dir", "target/runtime")));
        assertTrue(endpoints.size() > 50);
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.credentialsOptional()) {
                continue;
            }
            if (endpoint.platformOnly()) {
                for (String role : ROLES) {
                    Http.Reply reply = call(endpoint, role);
                    if (reply.status() != 403 || !reply.body().contains("platform-only")) {
                        wrong.put(endpoint + " as " + role, "a tenant's caller reached a platform endpoint: "
                                + reply.status() + " " + reply.body());
                    }
                }
                continue;
            }
            if (endpoint.permitted().isEmpty()) {
                wrong.put(endpoint.toString(), "is missing from the permission table (no @Permitted)");
                continue;
            }
            for (String role : ROLES) {
                Http.Reply reply = call(endpoint, role);
                boolean allowed = endpoint.permitted().contains(role);
                if (allowed && (reply.status() == 401 || reply.status() == 403)) {
                    wrong.put(endpoint + " as " + role, "refused: " + reply.status() + " " + reply.body());
                } else if (!allowed && (reply.status() != 403 || !reply.body().contains("permission-missing")
                        || !reply.body().contains(endpoint.path().substring(RestEndpoints.BASE.length())))) {
                    wrong.put(endpoint + " as " + role, "not refused naming the permission: " + reply.status() + " "
                            + reply.body());
                }
            }
            Http.Reply nobody = call(endpoint, NO_ROLE);
            if (nobody.status() != 403) {
                wrong.put(endpoint + " without a role", nobody.status() + " " + nobody.body());
            }
        }
        assertEquals("endpoints that do not follow the table: " + wrong, Map.of(), wrong);
    }

    @Test
    public void theRefusalNamesThePermissionAndWhoHasIt() {
        Http.Reply refused = http.post("/api/v1/customers", "{\"name\":\"Not Mine\",\"currency\":\"EUR\"}",
                tenant("AUDITOR"), key("AUDITOR"));
        assertEquals(refused.body(), 403, refused.status());
        assertTrue(refused.contentType(), refused.contentType().startsWith("application/problem+json"));
        assertTrue(refused.body(), refused.body().contains("The permission 'POST /customers' is missing: it is granted "
                + "to CLERK, and the caller holds AUDITOR."));
        assertFalse("nothing stored", http.get("/api/v1/customers", tenant("CLERK"), key("CLERK")).body()
                .contains("Not Mine"));
    }

    @Test
    public void theUiFragmentsAreThoseTheCallersRolesSee() {
        assertEquals(List.of("core.collections", "core.customers", "core.intents", "core.invoices", "core.payments",
                "bank.statement-upload", "bank.suspense-queue"), fragments("CLERK"));
        assertEquals(List.of("core.collections", "core.customers", "core.dashboard", "core.intents", "core.invoices",
                "core.payments", "core.provisions", "bank.suspense-queue", "core.settings"), fragments("AUDITOR"));
        assertEquals(List.of("core.collections", "core.customers", "core.dashboard", "core.intents", "core.invoices",
                "core.payments", "core.provisions", "bank.suspense-queue"), fragments("FINANCE_MANAGER"));
        assertEquals(List.of("core.settings"), fragments("TENANT_ADMIN"));
        assertEquals(List.of("core.collections", "core.customers", "core.intents"), fragments("COLLECTOR"));
    }

    @Test
    public void theCallerSeesTheirTenantActorAndRoles() {
        Http.Reply caller = http.get("/api/v1/caller", tenant("COLLECTOR"), key("COLLECTOR"));
        assertEquals(caller.body(), 200, caller.status());
        assertEquals(tenant("COLLECTOR"), caller.json().get("tenant").isTextual() ? caller.json().get("tenant").asText()
                : caller.json().at("/tenant/value").asText());
        assertEquals("CREDENTIAL", caller.json().at("/actor/kind").asText());
        assertEquals("[\"COLLECTOR\"]", caller.json().get("roles").toString());
        assertEquals(403, http.get("/api/v1/caller", tenant(NO_ROLE), key(NO_ROLE)).status());
    }

    private List<String> fragments(String role) {
        Http.Reply reply = http.get("/api/v1/ui-fragments", tenant(role), key(role));
        assertEquals(reply.body(), 200, reply.status());
        List<String> ids = new ArrayList<>();
        reply.json().forEach(fragment -> ids.add(fragment.get("id").asText()));
        return ids;
    }

    /** The endpoint called with made-up values in its path and an empty body: enough to pass or fail the filter. */
    private Http.Reply call(Endpoint endpoint, String role) {
        String path = endpoint.path();
        for (Slot slot : endpoint.slots()) {
            if (slot.kind() == Kind.PATH) {
                path = path.replace("{" + slot.name() + "}", slot.name().equals("provider") ? "wallet"
                        : slot.name().equals("code") ? "NET30" : UUID.randomUUID().toString());
            }
        }
        HttpRequest.Builder request = http.request(path, tenant(role), key(role));
        String contentType = endpoint.consumes().isEmpty() ? "application/json" : endpoint.consumes().get(0);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(contentType.contains("json") ? "{}" : "");
        request.header("Content-Type", contentType.contains("*") ? "application/json" : contentType);
        return http.send(request.method(endpoint.httpMethod(), endpoint.httpMethod().equals("GET")
                || endpoint.httpMethod().equals("DELETE") ? HttpRequest.BodyPublishers.noBody() : body));
    }

    private static String tenant(String role) {
        return "perm-" + role.toLowerCase().replace('_', '-');
    }

    private static String key(String role) {
        return "permissions-key-" + role.toLowerCase() + "-0123456789";
    }
}
