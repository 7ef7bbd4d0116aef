package receivables.impl.provider.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.TenantId;

/**
 * One tenant's account with one payment provider, from a factory configuration. Secrets still in plain text
 * are sealed in the stored configuration at once, so that they rest encrypted wherever ConfigAdmin (and
 * FileInstall's {@code etc/} file) keeps them. A configuration that cannot be used (a malformed entry, a secret
 * sealed with another key) disables the account and says why in {@link #problem()}, instead of failing the
 * component: one tenant's broken account must not look like a broken host.
 */
@Component(service = ConfiguredProviderAccount.class, configurationPid = ProviderAccountConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProviderAccountConfiguration.class, factory = true)
public class ConfiguredProviderAccount {

    static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredProviderAccount.class);

    private final SealedSecrets secrets;
    private final ConfigurationAdmin configurations;

    private TenantId tenant;
    private String provider;
    private boolean enabled;
    private Map<String, String> settings = Map.of();
    private Optional<String> problem = Optional.empty();

    /** The account {@code config} describes; {@code configurations} (may be null) lets it seal secrets given in clear. */
    @Activate
    public ConfiguredProviderAccount(@Reference SealedSecrets secrets,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configurations,
            ProviderAccountConfiguration config, Map<String, Object> properties) {
        this.secrets = secrets;
        this.configurations = configurations;
        try {
            read(config, properties);
        } catch (IllegalArgumentException | IllegalStateException unusable) {
            this.enabled = false;
            this.settings = Map.of();
            this.problem = Optional.of(unusable.getMessage());
            LOG.warn("Provider account {} is disabled: {}", properties.get(Constants.SERVICE_PID), unusable.getMessage());
        }
    }

    private void read(ProviderAccountConfiguration config, Map<String, Object> properties) {
        this.tenant = TenantId.isValid(config.tenant()) ? new TenantId(config.tenant()) : null;
        this.provider = config.provider();
        if (tenant == null) {
            throw new IllegalArgumentException("provider account: tenant '" + config.tenant() + "' is not a valid tenant id");
        }
        if (config.provider() == null || !PROVIDER_ID.matcher(config.provider()).matches()) {
            throw new IllegalArgumentException("provider account of tenant " + config.tenant() + ": provider '"
                    + config.provider() + "' is not a provider id");
        }
        this.enabled = config.enabled();
        String account = tenant.value() + "/" + provider;
        this.settings = AccountSecrets.merged(account, config.settings(), config.secrets(), secrets);
        if (AccountSecrets.anyPlain(config.secrets(), secrets)) {
            AccountSecrets.sealStored(account, properties, config.secrets(), secrets, configurations);
        }
    }

    /** The tenant, or {@code null} when the configuration does not name a valid one. */
    TenantId tenant() {
        return tenant;
    }

    /** Why the account is disabled although configured, when its configuration cannot be used. */
    Optional<String> problem() {
        return problem;
    }

    String provider() {
        return provider;
    }

    boolean enabled() {
        return enabled;
    }

    /** Settings and opened secrets; a key in both has the secret's value. */
    Map<String, String> settings() {
        return settings;
    }
}
