package receivables.impl.provider.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;

import receivables.api.TenantId;

/**
 * One tenant's account with one payment provider, from a factory configuration read as a {@link TenantAccount}:
 * secrets still in plain text are sealed in the stored configuration at once, so that they rest encrypted wherever
 * ConfigAdmin (and FileInstall's {@code etc/} file) keeps them, and a configuration that cannot be used disables the
 * account and says why in {@link #problem()}.
 */
@Component(service = ConfiguredProviderAccount.class, configurationPid = ProviderAccountConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProviderAccountConfiguration.class, factory = true)
public class ConfiguredProviderAccount {

    static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final TenantAccount account;
    private final boolean enabled;

    /** The account {@code config} describes; {@code configurations} (may be null) lets it seal secrets given in clear. */
    @Activate
    public ConfiguredProviderAccount(@Reference SealedSecrets secrets,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configurations,
            ProviderAccountConfiguration config, Map<String, Object> properties) {
        this.account = TenantAccount.read("provider", PROVIDER_ID, config.tenant(), config.provider(), config.settings(),
                config.secrets(), properties, secrets, configurations);
        this.enabled = config.enabled() && account.problem().isEmpty();
    }

    /** The tenant, or {@code null} when the configuration does not name a valid one. */
    TenantId tenant() {
        return account.tenant();
    }

    /** Why the account is disabled although configured, when its configuration cannot be used. */
    Optional<String> problem() {
        return account.problem();
    }

    String provider() {
        return account.id();
    }

    boolean enabled() {
        return enabled;
    }

    /** Settings and opened secrets; a key in both has the secret's value. */
    Map<String, String> settings() {
        return account.settings();
    }
}
