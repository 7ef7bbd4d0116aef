package receivables.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A person signed in at the host platform's identity provider works in the running host with its access token: a
 * real issuer runs beside the test (RSA keys generated here, its key set served over HTTP), the tenant trusts it
 * through a {@code receivables.oidc} configuration, and tokens signed, expired, for another audience or issuer,
 * signed with a key outside the set, or unsigned are taken or refused; a rotated key is fetched again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccessTokenIT extends InReferenceHost {

    private static final String ISSUER = "https://login.example.test/realms/default";
    private static final String AUDIENCE = "receivables";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdentityProvider provider;
    private org.osgi.service.cm.Configuration trust;

    public AccessTokenIT() {
        super("access-token");
    }

    @Before
    public void theTenantTrustsAnIdentityProvider() throws Exception {
        provider = new IdentityProvider();
        trust = configurationAdmin.getFactoryConfiguration("receivables.oidc", "it", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("tenant", Http.DEFAULT_TENANT);
        properties.put("issuer", ISSUER);
        properties.put("audience", AUDIENCE);
        properties.put("jwksUri", provider.jwksUri());
        properties.put("rolesClaim", "realm_access.roles");
        properties.put("roleMapping", new String[] { "ar-clerks=CLERK", "ar-auditors=AUDITOR" });
        properties.put("keyRefetchSeconds", 1);
        trust.update(properties);
        String clerk = provider.token(claims("jane", "ar-clerks"));
        http.await("/api/v1/health", reply -> http.get("/api/v1/caller", null, clerk).status() == 200,
                Duration.ofSeconds(30));
    }

    @After
    public void forgetTheIdentityProvider() throws Exception {
        if (trust != null) {
            trust.delete();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    public void aTokenActsForItsTenantWithTheRolesItsClaimsMapTo() {
        String clerk = provider.token(claims("jane", "ar-clerks", "offline_access"));

        Http.Reply caller = http.get("/api/v1/caller", null, clerk);
        assertEquals(caller.body(), 200, caller.status());
        assertEquals(Http.DEFAULT_TENANT, caller.json().at("/tenant/value").asText());
        assertEquals("USER", caller.json().at("/actor/kind").asText());
        assertEquals("oidc:jane", caller.json().at("/actor/id").asText());
        assertEquals("[\"CLERK\"]", caller.json().get("roles").toString());

        Http.Reply created = http.post("/api/v1/customers", "{\"name\":\"Token Holder GmbH\",\"currency\":\"EUR\"}",
                null, clerk);
        assertEquals(created.body(), 201, created.status());

        String auditor = provider.token(claims("olga", "ar-auditors"));
        assertEquals(200, http.get("/api/v1/customers/" + created.json().get("id").asText(), null, auditor).status());
        assertEquals("an auditor reads but changes nothing", 403,
                http.post("/api/v1/customers", "{\"name\":\"Nope\",\"currency\":\"EUR\"}", null, auditor).status());

        String nobody = provider.token(claims("nils", "offline_access"));
        assertEquals("authenticated, but no role of ours", 403, http.get("/api/v1/customers", null, nobody).status());
    }

    @Test
    public void tokensThatDoNotHoldAreRefusedAsUnauthenticated() throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> expired = claims("jane", "ar-clerks");
        expired.put("exp", now - 3600);
        Map<String, Object> notYet = claims("jane", "ar-clerks");
        notYet.put("nbf", now + 3600);
        Map<String, Object> otherAudience = claims("jane", "ar-clerks");
        otherAudience.put("aud", "someone-else");
        Map<String, Object> otherIssuer = claims("jane", "ar-clerks");
        otherIssuer.put("iss", "https://login.example.test/realms/other");
        Map<String, Object> noExpiry = claims("jane", "ar-clerks");
        noExpiry.remove("exp");
        String good = provider.token(claims("jane", "ar-clerks"));
        String[] parts = good.split("\\.");

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("expired", provider.token(expired));
        refused.put("not yet valid", provider.token(notYet));
        refused.put("another audience", provider.token(otherAudience));
        refused.put("another issuer", provider.token(otherIssuer));
        refused.put("without exp", provider.token(noExpiry));
        refused.put("signed with a key outside the set, under a known kid",
                new IdentityProvider.Signer(generated(), provider.kid()).token(claims("jane", "ar-clerks")));
        refused.put("unsigned", encode(Map.of("alg", "none", "kid", provider.kid())) + "." + parts[1] + ".");
        refused.put("payload changed after signing",
                parts[0] + "." + encode(claims("mallory", "ar-clerks")) + "." + parts[2]);
        refused.put("not a token", "not-a-jwt");
        for (Map.Entry<String, String> token : refused.entrySet()) {
            Http.Reply reply = pastTheAddressThrottle(token.getValue());
            assertEquals(token.getKey() + ": " + reply.body(), 401, reply.status());
            assertTrue(token.getKey(), reply.contentType().startsWith("application/problem+json"));
        }
        assertEquals("the good token still holds", 200, http.get("/api/v1/customers", null, good).status());
    }

    @Test
    public void aKeyTheIssuerRotatedInIsFetchedAgain() throws Exception {
        int fetchedBefore = provider.fetches();
        provider.rotate();
        String signedWithTheNewKey = provider.token(claims("jane", "ar-clerks"));

        Http.Reply reply = http.await("/api/v1/health",
                health -> http.get("/api/v1/customers", null, signedWithTheNewKey).status() == 200,
                Duration.ofSeconds(15));
        assertEquals(200, reply.status());
        assertTrue("the key set was fetched again", provider.fetches() > fetchedBefore);
    }

    /**
     * The answer to {@code token}, once the address's allowance of failed authentications (SecureByDefaultIT's
     * subject, not this test's) lets it through: a 429 is waited out for as long as it says.
     */
    private Http.Reply pastTheAddressThrottle(String token) throws InterruptedException {
        Http.Reply reply = http.get("/api/v1/customers", null, token);
        for (int waited = 0; reply.status() == 429 && waited < 10; waited++) {
            Thread.sleep(1000 * Long.parseLong(reply.headers().firstValue("Retry-After").orElse("1")));
            reply = http.get("/api/v1/customers", null, token);
        }
        return reply;
    }

    private static Map<String, Object> claims(String subject, String... roles) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        return claims;
    }

    static String encode(Object json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair generated() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /**
     * The identity provider's side: RS256 tokens signed with its current key, and its key set served at a local
     * address over plain HTTP/1.1, one connection at a time, as much as the host's key fetch needs.
     */
    static final class IdentityProvider implements AutoCloseable {

        record Signer(KeyPair keys, String kid) {

            String token(Map<String, Object> claims) {
                String signed = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", kid)) + "." + encode(claims);
                try {
                    Signature signature = Signature.getInstance("SHA256withRSA");
                    signature.initSign(keys.getPrivate());
                    signature.update(signed.getBytes(StandardCharsets.US_ASCII));
                    return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }

            Map<String, Object> jwk() {
                RSAPublicKey key = (RSAPublicKey) keys.getPublic();
                return Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", kid, "n", unsigned(key.getModulus()),
                        "e", unsigned(key.getPublicExponent()));
            }

            private static String unsigned(BigInteger value) {
                byte[] bytes = value.toByteArray();
                byte[] magnitude = bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
                return Base64.getUrlEncoder().withoutPadding().encodeToString(magnitude);
            }
        }

        private final ServerSocket server;
        private final Thread serving;
        private final AtomicInteger fetches = new AtomicInteger();
        private volatile Signer signer;

        IdentityProvider() throws IOException, GeneralSecurityException {
            signer = new Signer(generated(), "first");
            server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            serving = new Thread(this::serve, "identity-provider");
            serving.setDaemon(true);
            serving.start();
        }

        String jwksUri() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/realms/default/protocol/openid-connect/certs";
        }

        String kid() {
            return signer.kid();
        }

        String token(Map<String, Object> claims) {
            return signer.token(claims);
        }

        /** Replaces the signing key with a new one under a new key id; the key set then holds only the new one. */
        void rotate() throws GeneralSecurityException {
            signer = new Signer(generated(), "second");
        }

        int fetches() {
            return fetches.get();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket connection = server.accept()) {
                    readRequestHead(connection.getInputStream());
                    byte[] body = JSON.writeValueAsBytes(Map.of("keys", List.of(signer.jwk())));
                    fetches.incrementAndGet();
                    OutputStream out = connection.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                } catch (IOException closedOrBroken) {
                    // closed by close(), or a client that went away: the next accept tells which
                }
            }
        }

        private static void readRequestHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int next = in.read(); next >= 0; next = in.read()) {
                matched = next == end[matched] ? matched + 1 : (next == end[0] ? 1 : 0);
                if (matched == end.length) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            server.close();
            serving.join(5_000);
        }
    }
}
