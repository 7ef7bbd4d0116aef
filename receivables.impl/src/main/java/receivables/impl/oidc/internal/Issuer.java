package receivables.impl.oidc.internal;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import receivables.api.TenantId;
import receivables.api.audit.Actor;
import receivables.api.people.Caller;
import receivables.api.people.Role;

/**
 * One tenant's trust in one identity provider: verifies an access token's signature against the issuer's published
 * keys (asymmetric algorithms only, so that neither an unsigned token nor one "signed" with the public key as an HMAC
 * secret passes), its issuer, audience, expiry and not-before within the allowed clock skew, and the tenant claim; then
 * maps the platform's role names to ours. The keys are cached; a token signed with a key not among them fetches them
 * again (the issuer rotated its keys), at most once per refetch interval.
 */
@Component(service = Issuer.class, configurationPid = IssuerConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = IssuerConfiguration.class, factory = true)
public class Issuer {

    static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int MAX_JWKS_BYTES = 512 * 1024;

    private final TenantId tenant;
    private final String issuer;
    private final String tenantClaim;
    private final List<String> rolesClaim;
    private final Map<String, Set<Role>> roleMapping;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    @Activate
    public Issuer(IssuerConfiguration config) {
        if (!TenantId.isValid(config.tenant())) {
            throw invalid(config, "tenant is no valid tenant id");
        }
        if (config.issuer() == null || config.issuer().isBlank() || config.audience() == null
                || config.audience().isBlank()) {
            throw invalid(config, "issuer and audience are required");
        }
        if (config.clockSkewSeconds() < 0 || config.clockSkewSeconds() > 600 || config.keyCacheSeconds() < 1
                || config.keyRefetchSeconds() < 1 || config.keyRefetchSeconds() > config.keyCacheSeconds()) {
            throw invalid(config, "clock skew 0 to 600 s, key cache at least 1 s and no shorter than the refetch "
                    + "interval, which is at least 1 s");
        }
        this.tenant = new TenantId(config.tenant());
        this.issuer = config.issuer().trim();
        this.tenantClaim = config.tenantClaim() == null ? "" : config.tenantClaim().trim();
        this.rolesClaim = List.of(config.rolesClaim().trim().split("\\."));
        this.roleMapping = roleMapping(config);
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwksUrl(config),
                        new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, MAX_JWKS_BYTES))
                .cache(config.keyCacheSeconds() * 1000L, TIMEOUT_MILLIS)
                .rateLimited(config.keyRefetchSeconds() * 1000L)
                .build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED_ALGORITHMS, keys));
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        // Nimbus asks these sets whether they hold null, which Set.of answers with an exception.
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new HashSet<>(List.of(config.audience().trim())), new JWTClaimsSet.Builder().issuer(issuer).build(),
                new HashSet<>(List.of("exp", "sub")), new HashSet<>());
        claims.setMaxClockSkew(config.clockSkewSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    TenantId tenant() {
        return tenant;
    }

    String issuer() {
        return issuer;
    }

    /**
     * The caller a token of this issuer acts as, or empty when it does not hold. The roles may be empty: the token then
     * reaches nothing that needs a role.
     *
     * @throws Refusal saying why, for the host's log
     */
    Caller caller(SignedJWT token) throws Refusal {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw new Refusal("the token of issuer " + issuer + " does not hold: " + e.getMessage());
        }
        if (!tenantClaim.isEmpty() && !tenant.value().equals(text(claims.getClaim(tenantClaim)))) {
            throw new Refusal("the token's claim " + tenantClaim + " does not name tenant " + tenant.value());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String platformRole : platformRoles(claims)) {
            roles.addAll(roleMapping.getOrDefault(platformRole, Set.of()));
        }
        return new Caller(tenant, new Actor(Actor.Kind.USER, "oidc:" + claims.getSubject()), roles);
    }

    /** The platform's role names in the roles claim: a list of names, or names separated by spaces. */
    private Collection<String> platformRoles(JWTClaimsSet claims) {
        Object value = claims.getClaims();
        for (String step : rolesClaim) {
            value = value instanceof Map<?, ?> object ? object.get(step) : null;
        }
        Collection<String> names = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> {
                if (item instanceof String name) {
                    names.add(name);
                }
            });
        } else if (value instanceof String spaced) {
            names.addAll(List.of(spaced.trim().split("\\s+")));
        }
        return names;
    }

    private static String text(Object claim) {
        return claim instanceof String value ? value : null;
    }

    private static Map<String, Set<Role>> roleMapping(IssuerConfiguration config) {
        Map<String, Set<Role>> mapping = new HashMap<>();
        for (String line : config.roleMapping() == null ? new String[0] : config.roleMapping()) {
            int equals = line == null ? -1 : line.lastIndexOf('=');
            if (equals < 1) {
                throw invalid(config, "role mapping '" + line + "' is not platform-role=ROLE");
            }
            Role role;
            try {
                role = Role.valueOf(line.substring(equals + 1).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(config, "role mapping '" + line + "' names no role of ours");
            }
            mapping.computeIfAbsent(line.substring(0, equals).trim(), name -> new HashSet<>()).add(role);
        }
        return Map.copyOf(mapping);
    }

    private static URL jwksUrl(IssuerConfiguration config) {
        try {
            URI uri = new URI(config.jwksUri().trim());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw invalid(config, "the JWKS URI is neither http nor https");
            }
            return uri.toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException | NullPointerException e) {
            throw invalid(config, "the JWKS URI is no URL");
        }
    }

    private static IllegalArgumentException invalid(IssuerConfiguration config, String problem) {
        return new IllegalArgumentException(IssuerConfiguration.FACTORY_PID + " for tenant " + config.tenant() + ": "
                + problem);
    }

    /** A token this issuer does not accept. */
    static final class Refusal extends Exception {

        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    @Override
    public String toString() {
        return "Issuer[" + tenant + ", " + issuer + "]";
    }

    static Optional<String> issuerOf(SignedJWT token) {
        try {
            return Optional.ofNullable(token.getJWTClaimsSet().getIssuer());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
