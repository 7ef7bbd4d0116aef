package receivables.impl.provider.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.ConflictException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.impl.audit.internal.ConfigurationActors;
import receivables.impl.validation.internal.ValueRanges;
import receivables.impl.validation.internal.Violations;

/**
 * The tenants' provider accounts as ConfigurationAdmin holds them, one {@code receivables.provider.account} factory
 * configuration each, which {@link ConfiguredProviderAccount} serves once it arrives. Everything is checked before it
 * is stored, and secrets are stored sealed: the plain value never rests in a configuration. ConfigurationAdmin's
 * audit ({@code ConfigurationAudit}) records each change, secrets by name only.
 */
@Component(service = ProviderAccounts.class)
public class ProviderAccountConfigurations implements ProviderAccounts {

    static final int MAX_SETTINGS = 64;
    static final int MAX_SECRETS = 16;
    static final int MAX_VALUE = 8000;
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

    private final ConfigurationAdmin configurations;
    private final SealedSecrets secrets;
    private final ConfigurationActors actors;

    @Activate
    public ProviderAccountConfigurations(@Reference ConfigurationAdmin configurations, @Reference SealedSecrets secrets,
            @Reference ConfigurationActors actors) {
        this.configurations = configurations;
        this.secrets = secrets;
        this.actors = actors;
    }

    @Override
    public List<ProviderAccount> list(TenantId tenant) {
        return all("(&(service.factoryPid=" + ProviderAccountConfiguration.FACTORY_PID + ")(tenant=" + tenant.value() + "))")
                .stream().map(configuration -> shown(configuration.getProperties()))
                .sorted(Comparator.comparing(ProviderAccount::provider)).toList();
    }

    @Override
    public ProviderAccount create(TenantId tenant, ProviderAccountChange account) {
        if (account == null) {
            new Violations().add("body", "is required").throwIfAny();
        }
        Violations violations = new Violations().required("provider", account.provider());
        if (account.provider() != null && !ConfiguredProviderAccount.PROVIDER_ID.matcher(account.provider()).matches()) {
            violations.add("provider", "is a provider id of lower-case letters, digits and '-', such as wallet");
        }
        Dictionary<String, Object> properties = stored(violations, account, Map.of());
        violations.throwIfAny();
        if (find(tenant, account.provider()).isPresent()) {
            throw new ConflictException("the tenant has an account with provider " + account.provider() + " already");
        }
        properties.put("tenant", tenant.value());
        properties.put("provider", account.provider());
        try {
            // A tenant id holds no '.', so tenant and provider name the configuration once.
            Configuration configuration = configurations.getFactoryConfiguration(ProviderAccountConfiguration.FACTORY_PID,
                    tenant.value() + "." + account.provider(), "?");
            if (configuration.getProperties() != null) {
                throw new ConflictException("the tenant has an account with provider " + account.provider() + " already");
            }
            actors.changing(configuration.getPid());
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("the provider account could not be stored", e);
        }
        return shown(properties);
    }

    @Override
    public ProviderAccount change(TenantId tenant, String provider, ProviderAccountChange account) {
        Configuration configuration = find(tenant, provider).orElseThrow(() -> new NotFoundException("provider account", provider));
        if (account == null) {
            new Violations().add("body", "is required").throwIfAny();
        }
        Violations violations = new Violations();
        if (account.provider() != null && !account.provider().equals(provider)) {
            violations.add("provider", "is the provider in the path; an account does not change its provider");
        }
        Dictionary<String, Object> before = configuration.getProperties();
        Dictionary<String, Object> properties = stored(violations, account, pairs(before.get("secrets")));
        violations.throwIfAny();
        for (var keys = before.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!"settings".equals(key) && !"secrets".equals(key) && !"enabled".equals(key)) {
                properties.put(key, before.get(key));
            }
        }
        try {
            actors.changing(configuration.getPid());
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("the provider account could not be stored", e);
        }
        return shown(properties);
    }

    @Override
    public ProviderAccount delete(TenantId tenant, String provider) {
        Configuration configuration = find(tenant, provider).orElseThrow(() -> new NotFoundException("provider account", provider));
        ProviderAccount account = shown(configuration.getProperties());
        try {
            actors.changing(configuration.getPid());
            configuration.delete();
        } catch (IOException e) {
            throw new UncheckedIOException("the provider account could not be removed", e);
        }
        return account;
    }

    /**
     * The account's {@code enabled}, {@code settings} and {@code secrets} as they are stored, checked into
     * violations; {@code storedSecrets} are the values a blank secret keeps.
     */
    private Dictionary<String, Object> stored(Violations violations, ProviderAccountChange account,
            Map<String, String> storedSecrets) {
        Map<String, String> settings = account.settings() == null ? Map.of() : account.settings();
        Map<String, String> given = account.secrets() == null ? Map.of() : account.secrets();
        entries(violations, "settings", settings, MAX_SETTINGS, false);
        entries(violations, "secrets", given, MAX_SECRETS, true);
        Map<String, String> sealed = new TreeMap<>();
        given.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                return;
            }
            if (settings.containsKey(key)) {
                violations.add("secrets." + key, "is a setting too; a value is either a setting or a secret");
            } else if (value == null || value.isBlank()) {
                String kept = storedSecrets.get(key);
                if (kept == null) {
                    violations.add("secrets." + key, "is required: a new secret has a value");
                } else {
                    sealed.put(key, secrets.sealed(kept) ? kept : secrets.seal(kept));
                }
            } else {
                sealed.put(key, secrets.seal(value));
            }
        });
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("enabled", account.enabled() == null || account.enabled());
        properties.put("settings", new TreeMap<>(settings).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
        properties.put("secrets", sealed.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new));
        return properties;
    }

    /** Keys a configuration entry can carry, values of one line in the size the configuration takes. */
    private static void entries(Violations violations, String field, Map<String, String> entries, int max,
            boolean blankAllowed) {
        if (entries.size() > max) {
            violations.add(field, "holds at most " + max + " entries");
            return;
        }
        entries.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                violations.add(field, "has a key that is not a letter followed by up to 63 letters, digits, '.', '_' "
                        + "or '-'");
                return;
            }
            String problem = value == null ? (blankAllowed ? null : "is required")
                    : value.length() > MAX_VALUE ? "must be at most " + MAX_VALUE + " characters"
                    : value.chars().anyMatch(Character::isISOControl) ? "must be one line without control characters"
                    : ValueRanges.textProblem(value);
            if (problem != null) {
                violations.add(field + "." + key, problem);
            }
        });
    }

    private Optional<Configuration> find(TenantId tenant, String provider) {
        if (provider == null || !ConfiguredProviderAccount.PROVIDER_ID.matcher(provider).matches()) {
            return Optional.empty();
        }
        // A valid tenant id and provider id hold nothing a filter would read as syntax.
        return all("(&(service.factoryPid=" + ProviderAccountConfiguration.FACTORY_PID + ")(tenant=" + tenant.value()
                + ")(provider=" + provider + "))").stream().findFirst();
    }

    private List<Configuration> all(String filter) {
        try {
            Configuration[] found = configurations.listConfigurations(filter);
            return found == null ? List.of()
                    : Arrays.stream(found).filter(configuration -> configuration.getProperties() != null).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the provider accounts could not be read", e);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(filter, e);
        }
    }

    /** The account without its secrets' values. */
    private static ProviderAccount shown(Dictionary<String, Object> properties) {
        List<String> enabled = strings(properties.get("enabled"));
        return new ProviderAccount(String.valueOf(properties.get("provider")),
                enabled.isEmpty() || Boolean.parseBoolean(enabled.get(0)), pairs(properties.get("settings")),
                pairs(properties.get("secrets")).keySet().stream().sorted().toList());
    }

    /** {@code key=value} entries as a map (an entry without '=' is left out: the account reports it as a problem). */
    private static Map<String, String> pairs(Object entries) {
        Map<String, String> pairs = new TreeMap<>();
        for (String entry : strings(entries)) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                pairs.put(entry.substring(0, equals).trim(), entry.substring(equals + 1));
            }
        }
        return pairs;
    }

    /** A property as ConfigurationAdmin may hold it (an array, a collection, or one value as a file gives it). */
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        Collection<?> values = value instanceof Object[] array ? Arrays.asList(array)
                : value instanceof Collection<?> collection ? collection : List.of(value);
        return values.stream().filter(each -> each != null && !String.valueOf(each).isBlank())
                .map(String::valueOf).toList();
    }
}
