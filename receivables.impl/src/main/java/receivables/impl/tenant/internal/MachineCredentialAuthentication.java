package receivables.impl.tenant.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.TenantId;
import receivables.api.people.AuthenticationVerdict;
import receivables.api.people.CallerAuthentication;
import receivables.api.people.PresentedCredentials;

/**
 * Authenticates machine credentials: the request names the tenant in {@code X-Tenant} and presents the secret as
 * {@code Authorization: Bearer rcv_...}. Abstains from any other token.
 */
@Component(service = CallerAuthentication.class, property = "service.ranking:Integer=0")
public class MachineCredentialAuthentication implements CallerAuthentication {

    private final StoredMachineCredentials credentials;
    private final TenantDirectory tenants;

    @Activate
    public MachineCredentialAuthentication(@Reference StoredMachineCredentials credentials,
            @Reference TenantDirectory tenants) {
        this.credentials = credentials;
        this.tenants = tenants;
    }

    @Override
    public AuthenticationVerdict authenticate(PresentedCredentials presented) {
        Optional<String> secret = presented.bearerToken().filter(StoredMachineCredentials::looksIssued);
        if (secret.isEmpty()) {
            return AuthenticationVerdict.abstained();
        }
        Optional<TenantId> tenant = presented.tenant().filter(TenantId::isValid).map(TenantId::new)
                .filter(tenants.enabledTenants()::contains);
        if (tenant.isEmpty()) {
            return AuthenticationVerdict.rejected("a machine credential without an enabled tenant in X-Tenant");
        }
        return credentials.authenticate(tenant.get(), secret.get())
                .map(AuthenticationVerdict::authenticated)
                .orElseGet(() -> AuthenticationVerdict.rejected("unknown, revoked or expired machine credential"));
    }
}
