package receivables.impl.tenant.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.audit.Actor;
import receivables.api.people.AuthenticationVerdict;
import receivables.api.people.Caller;
import receivables.api.people.CallerAuthentication;
import receivables.api.people.PresentedCredentials;
import receivables.impl.audit.internal.ConfigurationAudit;

/**
 * Authenticates the API keys a tenant's configuration lists: the request names the tenant in {@code X-Tenant} and
 * presents the key as {@code Authorization: Bearer <key>}; the caller holds the roles the configuration gives its
 * keys. Ranked last, so that authentications that recognise their own tokens (credentials, access tokens) answer
 * first: a configured key can be any string, so this one cannot tell a token of another kind from a wrong key.
 */
@Component(service = CallerAuthentication.class, property = "service.ranking:Integer=-100")
public class ConfiguredKeyAuthentication implements CallerAuthentication {

    private final TenantDirectory tenants;

    @Activate
    public ConfiguredKeyAuthentication(@Reference TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public AuthenticationVerdict authenticate(PresentedCredentials presented) {
        Optional<String> key = presented.bearerToken();
        Optional<String> tenant = presented.tenant();
        if (key.isEmpty() || tenant.isEmpty()) {
            return AuthenticationVerdict.abstained();
        }
        return tenants.authenticate(tenant.get(), key.get())
                .map(id -> AuthenticationVerdict.authenticated(new Caller(id,
                        Actor.credential(ConfigurationAudit.credentialId(key.get())), tenants.keyRoles(id))))
                .orElseGet(() -> AuthenticationVerdict.rejected("no configured API key of the tenant named"));
    }
}
