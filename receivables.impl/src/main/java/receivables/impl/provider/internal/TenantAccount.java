package receivables.impl.provider.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.TenantId;

/**
 * What a tenant's account configuration says, in the one shape payment-provider accounts and notice-channel accounts
 * (e-mail, SMS, …) share: the tenant, the id of the provider or channel, and the {@code settings} with the
 * {@code secrets} opened. Secrets given in plain text are sealed where ConfigAdmin keeps them as the account is read.
 * A configuration that cannot be used (no valid tenant or id, a malformed entry, a secret sealed with another key)
 * reads as an account without settings that says why in {@link #problem()}: one tenant's broken account must not
 * look like a broken host.
 *
 * @param tenant   {@code null} when the configuration names no valid tenant
 * @param settings settings and opened secrets (a key in both has the secret's value); empty when unusable
 */
public record TenantAccount(TenantId tenant, String id, Map<String, String> settings, Optional<String> problem) {

    private static final Logger LOG = LoggerFactory.getLogger(TenantAccount.class);

    /**
     * Reads the account and seals its plain secrets; never throws, and never logs or reports a secret's value.
     *
     * @param kind       what the id names, in messages: {@code provider} or {@code channel}
     * @param ids        the pattern an id must match
     * @param properties the component's properties, whose {@code service.pid} names the stored configuration
     */
    public static TenantAccount read(String kind, Pattern ids, String tenantId, String id, String[] settings,
            String[] secretEntries, Map<String, Object> properties, SealedSecrets secrets,
            ConfigurationAdmin configurations) {
        TenantId tenant = TenantId.isValid(tenantId) ? new TenantId(tenantId) : null;
        try {
            if (tenant == null) {
                throw new IllegalArgumentException(kind + " account: tenant '" + tenantId + "' is not a valid tenant id");
            }
            if (id == null || !ids.matcher(id).matches()) {
                throw new IllegalArgumentException(kind + " account of tenant " + tenant.value() + ": " + kind + " '"
                        + id + "' is not a " + kind + " id");
            }
            String account = tenant.value() + "/" + id;
            Map<String, String> read = AccountSecrets.merged(account, settings, secretEntries, secrets);
            if (AccountSecrets.anyPlain(secretEntries, secrets)) {
                AccountSecrets.sealStored(account, properties, secretEntries, secrets, configurations);
            }
            return new TenantAccount(tenant, id, read, Optional.empty());
        } catch (IllegalArgumentException | IllegalStateException unusable) {
            LOG.warn("The {} account {} is unusable: {}", kind, properties.get(Constants.SERVICE_PID),
                    unusable.getMessage());
            return new TenantAccount(tenant, id, Map.of(), Optional.of(unusable.getMessage()));
        }
    }
}
