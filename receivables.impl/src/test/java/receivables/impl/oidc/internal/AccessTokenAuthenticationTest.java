package receivables.impl.oidc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import receivables.api.TenantId;
import receivables.api.audit.Actor;
import receivables.api.people.AuthenticationVerdict;
import receivables.api.people.Caller;
import receivables.api.people.PresentedCredentials;
import receivables.api.people.Role;

/**
 * Access tokens of a real issuer running in the test: its keys generated here, its JWKS served over HTTP, its tokens
 * signed, expired, for the wrong audience or issuer, with a rotated key, and forged in the ways JWTs are forged.
 */
class AccessTokenAuthenticationTest {

    static final String ISSUER = "https://login.example.test/realms/acme";
    static final String AUDIENCE = "receivables";

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String jwks;
    private RSAKey first;
    private ECKey second;
    private AccessTokenAuthentication authentication;
    private String jwksUri;

    @BeforeEach
    void startIssuer() throws Exception {
        first = new RSAKeyGenerator(2048).keyID("first").generate();
        second = new ECKeyGenerator(Curve.P_256).keyID("second").generate();
        jwks = new JWKSet(first.toPublicJWK()).toString();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/keys", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/keys";
        authentication = new AccessTokenAuthentication();
        authentication.issuers = List.of(new Issuer(configuration("acme", "", 1)));
    }

    @AfterEach
    void stopIssuer() {
        server.stop(0);
    }

    @Test
    void aValidTokenActsForTheTenantWithTheMappedRoles() throws Exception {
        AuthenticationVerdict verdict = authenticate(rsa(first, claims()), null);

        assertThat(verdict).isEqualTo(AuthenticationVerdict.authenticated(new Caller(new TenantId("acme"),
                new Actor(Actor.Kind.USER, "oidc:jane"), Set.of(Role.CLERK, Role.FINANCE_MANAGER))));
        assertThat(authenticate(rsa(first, claims()), "acme")).isInstanceOf(AuthenticationVerdict.Authenticated.class);
        assertThat(authenticate(rsa(first, claims()), "other")).as("the token acts for acme only")
                .isInstanceOf(AuthenticationVerdict.Rejected.class);
        assertThat(fetches).as("keys are cached").hasValue(1);
    }

    @Test
    void expiryAndNotBeforeHoldWithinTheClockSkew() throws Exception {
        Instant now = Instant.now();
        assertThat(authenticate(rsa(first, claims().expirationTime(Date.from(now.minusSeconds(30))).build()), null))
                .as("expired 30 s ago, within the 60 s skew").isInstanceOf(AuthenticationVerdict.Authenticated.class);
        assertThat(authenticate(rsa(first, claims().expirationTime(Date.from(now.minusSeconds(120))).build()), null))
                .isInstanceOf(AuthenticationVerdict.Rejected.class);
        assertThat(authenticate(rsa(first, claims().notBeforeTime(Date.from(now.plusSeconds(120))).build()), null))
                .isInstanceOf(AuthenticationVerdict.Rejected.class);
        assertThat(authenticate(rsa(first, claims().expirationTime(null).build()), null))
                .as("a token without expiry").isInstanceOf(AuthenticationVerdict.Rejected.class);
    }

    @Test
    void aTokenForAnotherAudienceOrFromAnotherIssuerIsRejected() throws Exception {
        assertThat(authenticate(rsa(first, claims().audience("someone-else").build()), null))
                .isInstanceOf(AuthenticationVerdict.Rejected.class);
        assertThat(authenticate(rsa(first, claims().issuer("https://evil.example.test").build()), null))
                .isInstanceOf(AuthenticationVerdict.Rejected.class);
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesItAndTheRemovedKeyNoLongerHolds() throws Exception {
        assertThat(authenticate(rsa(first, claims()), null)).isInstanceOf(AuthenticationVerdict.Authenticated.class);
        jwks = new JWKSet(second.toPublicJWK()).toString();
        Thread.sleep(1_100);

        assertThat(authenticate(ec(second, claims().build()), null)).isInstanceOf(AuthenticationVerdict.Authenticated.class);
        assertThat(authenticate(rsa(first, claims()), null)).isInstanceOf(AuthenticationVerdict.Rejected.class);
        assertThat(fetches.get()).as("the removed key's token may fetch once more, within the rate limit").isBetween(2, 3);
    }

    @Test
    void unknownKeysDoNotMakeTheIssuerFetchMoreThanTheRateLimitAllows() throws Exception {
        authentication.issuers = List.of(new Issuer(configuration("acme", "", 30)));
        assertThat(authenticate(rsa(first, claims()), null)).isInstanceOf(AuthenticationVerdict.Authenticated.class);
        for (int i = 0; i < 20; i++) {
            RSAKey unknown = new RSAKeyGenerator(2048).keyID("unknown-" + i).generate();
            assertThat(authenticate(rsa(unknown, claims()), null)).isInstanceOf(AuthenticationVerdict.Rejected.class);
        }
        assertThat(fetches.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void unsignedTokensAndTheHmacWithThePublicKeyAreRefused() throws Exception {
        PlainJWT unsigned = new PlainJWT(claims().build());
        assertThat(authenticate(unsigned.serialize(), null)).isInstanceOf(AuthenticationVerdict.Rejected.class);

        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("first").build(),
                claims().build());
        confused.sign(new MACSigner(first.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertThat(authenticate(confused.serialize(), null)).isInstanceOf(AuthenticationVerdict.Rejected.class);

        String signed = rsa(first, claims());
        String[] parts = signed.split("\\.");
        String noneHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"kid\":\"first\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(authenticate(noneHeader + "." + parts[1] + "." + parts[2], null))
                .isNotInstanceOf(AuthenticationVerdict.Authenticated.class);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims()
                .claim("roles", List.of("ar-admin")).build().toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(authenticate(tampered, null)).isInstanceOf(AuthenticationVerdict.Rejected.class);
    }

    @Test
    void aTokenThatMapsToNoRoleActsWithNoRoleAndATenantClaimMustNameTheTenant() throws Exception {
        authentication.issuers = List.of(new Issuer(configuration("acme", "org", 1)),
                new Issuer(configuration("globex", "org", 1)));

        AuthenticationVerdict globex = authenticate(rsa(first, claims().claim("org", "globex")
                .claim("realm_access", Map.of("roles", List.of("someone"))).build()), null);
        assertThat(globex).isInstanceOfSatisfying(AuthenticationVerdict.Authenticated.class, accepted -> {
            assertThat(((Caller) accepted.principal()).tenant()).isEqualTo(new TenantId("globex"));
            assertThat(((Caller) accepted.principal()).roles()).isEmpty();
        });
        assertThat(authenticate(rsa(first, claims().claim("org", "initech").build()), null))
                .isInstanceOf(AuthenticationVerdict.Rejected.class);
        assertThat(authenticate(rsa(first, claims().build()), null)).as("no tenant claim")
                .isInstanceOf(AuthenticationVerdict.Rejected.class);
    }

    @Test
    void whatIsNoJwtIsLeftToTheOtherAuthentications() {
        assertThat(authenticate("an-api-key-of-the-tenant", "acme")).isInstanceOf(AuthenticationVerdict.Abstained.class);
        assertThat(authentication.authenticate(new PresentedCredentials("GET", "invoices", "127.0.0.1", Map.of(), Map.of())))
                .isInstanceOf(AuthenticationVerdict.Abstained.class);
    }

    @Property(tries = 300)
    void anyBearerTokenIsAnsweredWithoutAnException(@ForAll String token) {
        AccessTokenAuthentication unreachable = new AccessTokenAuthentication();
        unreachable.issuers = List.of(new Issuer(configuration("acme", "", 1, "http://127.0.0.1:1/keys")));
        for (String presented : List.of(token, "eyJhbGciOiJSUzI1NiJ9." + token + ".x",
                "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ." + Base64.getUrlEncoder().encodeToString(
                        ("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8)) + ".x")) {
            assertThat(unreachable.authenticate(new PresentedCredentials("GET", "invoices", "127.0.0.1",
                    Map.of("Authorization", List.of("Bearer " + presented)), Map.of())))
                    .isNotInstanceOf(AuthenticationVerdict.Authenticated.class);
        }
    }

    private AuthenticationVerdict authenticate(String token, String tenant) {
        Map<String, List<String>> headers = tenant == null ? Map.of("Authorization", List.of("Bearer " + token))
                : Map.of("Authorization", List.of("Bearer " + token), "X-Tenant", List.of(tenant));
        return authentication.authenticate(new PresentedCredentials("GET", "invoices", "127.0.0.1", headers, Map.of()));
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "account"))
                .subject("jane")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("realm_access", Map.of("roles", List.of("ar-clerk", "ar-finance", "offline_access")));
    }

    private static String rsa(RSAKey key, JWTClaimsSet.Builder claims) throws Exception {
        return rsa(key, claims.build());
    }

    private static String rsa(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String ec(ECKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private IssuerConfiguration configuration(String tenant, String tenantClaim, int refetchSeconds) {
        return configuration(tenant, tenantClaim, refetchSeconds, jwksUri);
    }

    private static IssuerConfiguration configuration(String tenant, String tenantClaim, int refetchSeconds, String uri) {
        return new IssuerConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IssuerConfiguration.class;
            }

            @Override
            public String tenant() {
                return tenant;
            }

            @Override
            public String issuer() {
                return ISSUER;
            }

            @Override
            public String audience() {
                return AUDIENCE;
            }

            @Override
            public String jwksUri() {
                return uri;
            }

            @Override
            public String tenantClaim() {
                return tenantClaim;
            }

            @Override
            public String rolesClaim() {
                return "realm_access.roles";
            }

            @Override
            public String[] roleMapping() {
                return new String[] { "ar-clerk=CLERK", "ar-finance=FINANCE_MANAGER", "ar-admin=TENANT_ADMIN" };
            }

            @Override
            public int clockSkewSeconds() {
                return 60;
            }

            @Override
            public int keyCacheSeconds() {
                return 300;
            }

            @Override
            public int keyRefetchSeconds() {
                return refetchSeconds;
            }
        };
    }
}
