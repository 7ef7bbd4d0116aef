package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Hashtable;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Built-in users sign in over HTTP in the running host: a tenant admin creates them with a one-time password that
 * they replace at the first sign-in; the session cookie's flags; the CSRF token refused and accepted; backoff and
 * lockout that answer alike for unknown names; a TOTP second factor enrolled and asked for; signing out.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SignInIT extends InReferenceHost {

    static final String PASSWORD = "my own long password";

    public SignInIT() {
        super("sign-in");
    }

    @Test
    public void aUserSignsInWorksWithTheCsrfTokenAndSignsOut() throws Exception {
        String userId = signedUp("jane", "[\"CLERK\"]");

        Http.Reply signedIn = signIn("jane", PASSWORD, null, null, false);
        assertEquals(signedIn.body(), 200, signedIn.status());
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie, setCookie.startsWith("rcv_session=default."));
        assertTrue(setCookie, setCookie.contains("; HttpOnly") && setCookie.contains("; SameSite=Strict")
                && setCookie.contains("; Path=/"));
        assertFalse("not over TLS, so not Secure: " + setCookie, setCookie.contains("Secure"));
        JsonNode session = signedIn.json();
        assertEquals("default", session.get("tenant").asText());
        assertEquals(userId, session.at("/user/id").asText());
        assertEquals("jane", session.at("/user/username").asText());
        assertEquals("Jane", session.at("/user/displayName").asText());
        assertEquals("CLERK", session.at("/roles/0").asText());
        assertTrue(session.get("features").isArray());
        String cookie = cookie(setCookie);
        String csrf = session.get("csrfToken").asText();

        Http.Reply read = http.send(http.request("/api/v1/session", null, null).header("Cookie", cookie).GET());
        assertEquals(read.body(), 200, read.status());
        assertEquals(csrf, read.json().get("csrfToken").asText());
        assertFalse("X-Forwarded-Proto from a peer that is no trusted proxy is ignored", signIn("jane", PASSWORD, null,
                null, true).headers().firstValue("Set-Cookie").orElseThrow().contains("Secure"));
        assertTrue(secureBehindTrustedProxy("jane"));

        String customer = "{\"name\":\"Cookie GmbH\",\"currency\":\"EUR\"}";
        Http.Reply forged = http.send(withJson(http.request("/api/v1/customers", null, null).header("Cookie", cookie),
                customer));
        assertEquals(forged.body(), 403, forged.status());
        assertTrue(forged.contentType().startsWith("application/problem+json"));
        Http.Reply wrongToken = http.send(withJson(http.request("/api/v1/customers", null, null).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf.substring(1)), customer));
        assertEquals(403, wrongToken.status());
        Http.Reply created = http.send(withJson(http.request("/api/v1/customers", null, null).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf), customer));
        assertEquals(created.body(), 201, created.status());
        JsonNode creation = http.get("/api/v1/audit?entityType=customer&entityId=" + created.json().get("id").asText())
                .json().at("/items/0");
        assertEquals("USER", creation.at("/actor/kind").asText());
        assertEquals(userId, creation.at("/actor/id").asText());

        assertEquals(403, http.send(http.request("/api/v1/session", null, null).header("Cookie", cookie).DELETE()).status());
        Http.Reply signedOut = http.send(http.request("/api/v1/session", null, null).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).DELETE());
        assertEquals(signedOut.body(), 204, signedOut.status());
        assertTrue(signedOut.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, http.send(http.request("/api/v1/session", null, null).header("Cookie", cookie).GET()).status());
        assertEquals(401, http.send(http.request("/api/v1/customers", null, null).header("Cookie", cookie).GET()).status());
    }

    @Test
    public void wrongPasswordsAndUnknownNamesAreAnsweredAlikeUntilTheLockout() throws Exception {
        signedUp("lou", "[\"AUDITOR\"]");
        org.osgi.service.cm.Configuration signIn = configurationAdmin.getConfiguration("receivables.signin", "?");
        Hashtable<String, Object> settings = new Hashtable<>();
        settings.put("lockoutAfterFailures", 2);
        settings.put("backoffSeconds", 0);
        settings.put("lockoutSeconds", 600);
        signIn.update(settings);
        try {
            awaitSecondFailureAnswered(401);
            for (String name : new String[] { "lou", "nobody-of-that-name" }) {
                Http.Reply first = signIn(name, "wrong password", null, null, false);
                assertEquals(first.body(), 401, first.status());
                assertEquals("https://receivables.dev/problems/sign-in-refused", first.json().get("type").asText());
                assertEquals(401, signIn(name, "wrong password", null, null, false).status());
                Http.Reply locked = signIn(name, name.equals("lou") ? PASSWORD : "any", null, null, false);
                assertEquals(locked.body(), 423, locked.status());
                assertTrue(locked.json().get("lockedOut").asBoolean());
                long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
                assertTrue("retry after " + retryAfter, retryAfter > 590 && retryAfter <= 600);
            }
        } finally {
            signIn.delete();
            awaitSecondFailureAnswered(429);
        }
    }

    @Test
    public void aSecondFactorIsEnrolledAndThenAskedFor() throws Exception {
        signedUp("tom", "[\"FINANCE_MANAGER\"]");
        Http.Reply signedIn = signIn("tom", PASSWORD, null, null, false);
        String cookie = cookie(signedIn.headers().firstValue("Set-Cookie").orElseThrow());
        String csrf = signedIn.json().get("csrfToken").asText();

        Http.Reply enrolment = http.send(http.request("/api/v1/session/totp", null, null).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(enrolment.body(), 200, enrolment.status());
        String secret = enrolment.json().get("secret").asText();
        assertTrue(enrolment.json().get("uri").asText().startsWith("otpauth://totp/"));
        long step = System.currentTimeMillis() / 30_000;
        Http.Reply confirmed = http.send(http.request("/api/v1/session/totp", null, null).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + totp(secret, step) + "\"}")));
        assertEquals(confirmed.body(), 204, confirmed.status());

        Http.Reply asked = signIn("tom", PASSWORD, null, null, false);
        assertEquals(asked.body(), 401, asked.status());
        assertTrue(asked.json().get("totpRequired").asBoolean());
        Http.Reply withCode = signIn("tom", PASSWORD, totp(secret, step + 1), null, false);
        assertEquals(withCode.body(), 200, withCode.status());
    }

    /** Creates the user as a tenant admin (the default API key holds every role) and replaces the one-time password. */
    private String signedUp(String username, String roles) {
        Http.Reply created = http.post("/api/v1/users", "{\"username\":\"" + username + "\",\"displayName\":\""
                + username.substring(0, 1).toUpperCase(Locale.ROOT) + username.substring(1)
                + "\",\"email\":\"" + username + "@example.org\",\"roles\":" + roles + "}");
        assertEquals(created.body(), 201, created.status());
        String oneTime = created.json().get("oneTimePassword").asText();
        Http.Reply asked = signIn(username, oneTime, null, null, false);
        assertEquals(asked.body(), 401, asked.status());
        assertTrue(asked.json().get("passwordChangeRequired").asBoolean());
        Http.Reply changed = signIn(username, oneTime, null, PASSWORD, false);
        assertEquals(changed.body(), 200, changed.status());
        return created.json().at("/user/id").asText();
    }

    /**
     * Whether the session cookie is Secure for a sign-in that says X-Forwarded-Proto: https once this host's address
     * is one of the trusted proxies of receivables.limits (the same rule as for X-Forwarded-For).
     */
    private boolean secureBehindTrustedProxy(String username) throws Exception {
        org.osgi.service.cm.Configuration limits = configurationAdmin.getConfiguration("receivables.limits", "?");
        Hashtable<String, Object> trusted = new Hashtable<>();
        trusted.put("trustedProxies", new String[] { "127.0.0.0/8", "::1" });
        limits.update(trusted);
        try {
            for (int probe = 0; probe < 100; probe++) {
                if (signIn(username, PASSWORD, null, null, true).headers().firstValue("Set-Cookie").orElseThrow()
                        .contains("; Secure")) {
                    return true;
                }
                Http.sleep(100);
            }
            return false;
        } finally {
            limits.delete();
        }
    }

    private Http.Reply signIn(String username, String password, String totp, String newPassword, boolean overTls) {
        String body = "{\"tenant\":\"default\",\"username\":\"" + username + "\",\"password\":\"" + password + "\""
                + (totp == null ? "" : ",\"totp\":\"" + totp + "\"")
                + (newPassword == null ? "" : ",\"newPassword\":\"" + newPassword + "\"") + "}";
        HttpRequest.Builder request = http.request("/api/v1/session", null, null);
        if (overTls) {
            request.header("X-Forwarded-Proto", "https");
        }
        return http.send(withJson(request, body));
    }

    /**
     * The sign-in (and the user administration that depends on it) restarts with new settings: waits until a second
     * failure in a row gets {@code status}, 401 without backoff, 429 with the default one.
     */
    private void awaitSecondFailureAnswered(int status) {
        for (int probe = 0; probe < 100; probe++) {
            String name = "probe-" + status + "-" + probe;
            signIn(name, "wrong password", null, null, false);
            if (signIn(name, "wrong password", null, null, false).status() == status
                    && http.get("/api/v1/users").status() == 200) {
                return;
            }
            Http.sleep(100);
        }
        throw new AssertionError("the sign-in settings never took effect");
    }

    private static HttpRequest.Builder withJson(HttpRequest.Builder request, String json) {
        return request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** The cookie as the browser sends it back: the name and value of Set-Cookie. */
    private static String cookie(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** RFC 6238's code of {@code step} for a Base32 secret, as an authenticator app computes it. */
    static String totp(String secret, long step) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer key = ByteBuffer.allocate(secret.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : secret.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.array(), "RAW"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    }
}
