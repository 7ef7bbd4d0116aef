package receivables.impl.provider.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
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
        Map<String, String> all = new HashMap<>(pairs(config.settings(), "settings"));
        Map<String, String> secretValues = pairs(config.secrets(), "secrets");
        // A key in both is read from the secrets: a value moved there must not stay readable through an old copy.
        secretValues.keySet().stream().filter(all::containsKey).sorted().forEach(name -> LOG.warn(
                "Provider account {}/{}: {} is both a setting and a secret; the secret is used", tenant.value(), provider, name));
        secretValues.forEach((name, value) -> all.put(name, secrets.open(value)));
        this.settings = Map.copyOf(all);
        if (secretValues.values().stream().anyMatch(value -> !secrets.sealed(value))) {
            seal(config, properties);
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

    /** Writes the secrets back sealed; ConfigAdmin then hands this component the sealed configuration. */
    private void seal(ProviderAccountConfiguration config, Map<String, Object> properties) {
        Object pid = properties.get(Constants.SERVICE_PID);
        if (configurations == null || pid == null) {
            LOG.warn("Provider account {}/{}: secrets are in plain text in its configuration and cannot be sealed "
                    + "(no ConfigurationAdmin)", config.tenant(), config.provider());
            return;
        }
        try {
            Configuration[] found = configurations.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            if (found == null || found.length != 1) {
                return;
            }
            Dictionary<String, Object> stored = found[0].getProperties();
            Dictionary<String, Object> sealed = new Hashtable<>();
            for (var names = stored.keys(); names.hasMoreElements(); ) {
                String name = names.nextElement();
                sealed.put(name, stored.get(name));
            }
            String[] values = config.secrets();
            String[] sealedValues = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                int equals = values[i].indexOf('=');
                String value = values[i].substring(equals + 1);
                sealedValues[i] = values[i].substring(0, equals + 1) + (secrets.sealed(value) ? value : secrets.seal(value));
            }
            sealed.put("secrets", sealedValues);
            found[0].update(sealed);
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            LOG.warn("Provider account {}/{}: its secrets could not be sealed: {}", config.tenant(), config.provider(),
                    e.getMessage());
        }
    }

    private Map<String, String> pairs(String[] entries, String attribute) {
        Map<String, String> pairs = new HashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            int equals = entry == null ? -1 : entry.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("provider account " + tenant + "/" + provider + ": " + attribute
                        + " entries must read key=value");
            }
            pairs.put(entry.substring(0, equals).trim(), entry.substring(equals + 1));
        }
        return pairs;
    }
}
