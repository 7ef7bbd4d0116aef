package receivables.impl.tenant.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import receivables.api.money.Money;
import receivables.api.platform.ManagedTenant;
import receivables.api.platform.NewTenant;
import receivables.api.platform.TenantAdministration;
import receivables.impl.audit.internal.ConfigurationActors;
import receivables.impl.validation.internal.Violations;

/**
 * The tenants as ConfigurationAdmin holds them: one {@code receivables.tenant} factory configuration each, named by
 * the tenant's id, which {@link ConfiguredTenant} serves once it arrives. Everything is checked before it is stored,
 * so that no configuration made here stops a tenant from starting. ConfigurationAdmin's audit records the changes.
 */
@Component(service = TenantAdministration.class)
public class TenantConfigurations implements TenantAdministration {

    private static final Pattern FEATURE = Pattern.compile("[a-z0-9][a-z0-9:._-]{0,63}");
    private static final int MAX_FEATURES = 64;

    private final ConfigurationAdmin configurations;
    private final ConfigurationActors actors;

    @Activate
    public TenantConfigurations(@Reference ConfigurationAdmin configurations, @Reference ConfigurationActors actors) {
        this.configurations = configurations;
        this.actors = actors;
    }

    @Override
    public List<ManagedTenant> list() {
        return all("(service.factoryPid=" + TenantConfiguration.FACTORY_PID + ")").stream()
                .map(configuration -> managed(configuration.getProperties()))
                .sorted(Comparator.comparing(ManagedTenant::id)).toList();
    }

    @Override
    public ManagedTenant create(NewTenant tenant) {
        if (tenant == null) {
            new Violations().add("body", "is required").throwIfAny();
        }
        Violations violations = new Violations().required("id", tenant.id()).maxLength("name", tenant.name(), 200);
        if (tenant.id() != null && !TenantId.isValid(tenant.id())) {
            violations.add("id", "is lower-case letters, digits, '-' and '_', at most 64, starting with a letter or digit");
        }
        if (tenant.functionalCurrency() != null && !Money.isActiveCurrency(tenant.functionalCurrency())) {
            violations.add("functionalCurrency", "is not an active ISO 4217 currency code");
        }
        if (tenant.timeZone() != null && !isZone(tenant.timeZone())) {
            violations.add("timeZone", "is not an IANA time zone such as Europe/Berlin");
        }
        Set<String> features = features(violations, tenant.features());
        List<String> keys = tenant.apiKeyHashes() == null ? List.of() : tenant.apiKeyHashes();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) == null || ApiKeyHash.parse(keys.get(i)).isEmpty()) {
                violations.add("apiKeyHashes[" + i + "]", "is not a key hash as receivables:hash-key prints it "
                        + "({hmac-sha256}<salt>:<hmac>); keys in clear are not taken here");
            }
        }
        violations.throwIfAny();
        if (find(tenant.id()).isPresent()) {
            throw new ConflictException("tenant " + tenant.id() + " exists already");
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("id", tenant.id());
        properties.put("name", tenant.name() == null || tenant.name().isBlank() ? tenant.id() : tenant.name().trim());
        properties.put("functionalCurrency", tenant.functionalCurrency() == null
                ? TenantSettings.DEFAULT_FUNCTIONAL_CURRENCY : tenant.functionalCurrency());
        properties.put("timeZone", tenant.timeZone() == null ? "UTC" : tenant.timeZone());
        properties.put("features", features.toArray(String[]::new));
        properties.put("apiKeys", keys.toArray(String[]::new));
        properties.put("enabled", Boolean.TRUE);
        try {
            Configuration configuration = configurations.getFactoryConfiguration(TenantConfiguration.FACTORY_PID,
                    tenant.id(), "?");
            if (configuration.getProperties() != null) {
                throw new ConflictException("tenant " + tenant.id() + " exists already");
            }
            actors.changing(configuration.getPid());
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("the tenant's configuration could not be stored", e);
        }
        return managed(properties);
    }

    @Override
    public ManagedTenant switchFeatures(String id, Set<String> features) {
        if (features == null) {
            new Violations().add("features", "is required: the list of every feature the tenant has").throwIfAny();
        }
        Violations violations = new Violations();
        Set<String> valid = features(violations, new ArrayList<>(features));
        violations.throwIfAny();
        Configuration configuration = find(id).orElseThrow(() -> new NotFoundException("tenant", id));
        Dictionary<String, Object> properties = configuration.getProperties();
        properties.put("features", valid.toArray(String[]::new));
        try {
            actors.changing(configuration.getPid());
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("the tenant's configuration could not be stored", e);
        }
        return managed(properties);
    }

    private Optional<Configuration> find(String id) {
        if (id == null || !TenantId.isValid(id)) {
            return Optional.empty();
        }
        // A valid id holds nothing a filter would read as syntax.
        return all("(&(service.factoryPid=" + TenantConfiguration.FACTORY_PID + ")(id=" + id + "))").stream().findFirst();
    }

    private List<Configuration> all(String filter) {
        try {
            Configuration[] found = configurations.listConfigurations(filter);
            return found == null ? List.of() : Arrays.stream(found).filter(configuration -> configuration.getProperties() != null).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the tenants' configurations could not be read", e);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(filter, e);
        }
    }

    private static Set<String> features(Violations violations, List<String> features) {
        Set<String> valid = new LinkedHashSet<>();
        List<String> given = features == null ? List.of() : features;
        if (given.size() > MAX_FEATURES) {
            violations.add("features", "holds at most " + MAX_FEATURES + " features");
            return valid;
        }
        for (int i = 0; i < given.size(); i++) {
            String feature = given.get(i) == null ? null : given.get(i).trim();
            if (feature == null || !FEATURE.matcher(feature).matches()) {
                violations.add("features[" + i + "]", "is a feature name of lower-case letters, digits, ':', '.', '_' "
                        + "and '-', such as bank-reconciliation");
            } else {
                valid.add(feature);
            }
        }
        return valid;
    }

    private static boolean isZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static ManagedTenant managed(Dictionary<String, Object> properties) {
        String id = String.valueOf(properties.get("id"));
        List<String> names = strings(properties.get("name"));
        List<String> currency = strings(properties.get("functionalCurrency"));
        List<String> zone = strings(properties.get("timeZone"));
        List<String> enabled = strings(properties.get("enabled"));
        return new ManagedTenant(id, names.isEmpty() || names.get(0).isBlank() ? id : names.get(0),
                enabled.isEmpty() || Boolean.parseBoolean(enabled.get(0)),
                currency.isEmpty() ? TenantSettings.DEFAULT_FUNCTIONAL_CURRENCY : currency.get(0),
                zone.isEmpty() ? "UTC" : zone.get(0), Set.copyOf(strings(properties.get("features"))),
                strings(properties.get("apiKeys")).size());
    }

    /** A property as ConfigurationAdmin may hold it (an array, a collection, or one value as a file gives it). */
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        Collection<?> values = value instanceof Object[] array ? Arrays.asList(array)
                : value instanceof Collection<?> collection ? collection : List.of(value);
        return values.stream().filter(each -> each != null && !String.valueOf(each).isBlank())
                .map(each -> String.valueOf(each).trim()).toList();
    }
}
