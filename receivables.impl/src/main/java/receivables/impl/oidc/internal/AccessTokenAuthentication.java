package receivables.impl.oidc.internal;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

import receivables.api.people.AuthenticationVerdict;
import receivables.api.people.CallerAuthentication;
import receivables.api.people.PresentedCredentials;

/**
 * Authenticates OpenID Connect access tokens of the host platform: {@code Authorization: Bearer <signed JWT>}, from an
 * issuer configured for a tenant ({@link Issuer}). A bearer token that is no signed JWT is left to the other
 * authentications (API keys); one that is, but no configured issuer accepts, is rejected. When several tenants trust
 * one issuer, the {@code X-Tenant} header or the issuer's tenant claim tells them apart.
 */
@Component(service = CallerAuthentication.class, property = "service.ranking:Integer=50")
public class AccessTokenAuthentication implements CallerAuthentication {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<Issuer> issuers = List.of();

    @Override
    public AuthenticationVerdict authenticate(PresentedCredentials presented) {
        Optional<JWT> jwt = presented.bearerToken().flatMap(AccessTokenAuthentication::jwt);
        if (jwt.isEmpty()) {
            return AuthenticationVerdict.abstained();
        }
        if (!(jwt.get() instanceof SignedJWT signed)) {
            return AuthenticationVerdict.rejected("an unsigned or encrypted JWT is no access token we accept");
        }
        Optional<SignedJWT> token = Optional.of(signed);
        Optional<String> issuer = Issuer.issuerOf(token.get());
        Optional<String> tenant = presented.tenant();
        String reason = "no issuer configured for a tenant names itself " + issuer.orElse("(no iss claim)");
        for (Issuer candidate : issuers) {
            if (issuer.filter(candidate.issuer()::equals).isEmpty()
                    || tenant.filter(named -> !named.equals(candidate.tenant().value())).isPresent()) {
                continue;
            }
            try {
                return AuthenticationVerdict.authenticated(candidate.caller(token.get()));
            } catch (Issuer.Refusal refusal) {
                reason = refusal.getMessage();
            }
        }
        return AuthenticationVerdict.rejected(reason);
    }

    /** The token as a JWT of any kind, or empty when it is none (an API key, say). */
    private static Optional<JWT> jwt(String token) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(JWTParser.parse(token));
        } catch (ParseException | RuntimeException notJwt) {
            return Optional.empty();
        }
    }
}
