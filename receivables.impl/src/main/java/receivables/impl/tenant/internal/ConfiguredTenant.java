package receivables.impl.tenant.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.TenantId;
import receivables.api.people.Role;

/**
 * One tenant from a factory configuration. Its configuration should hold only hashes of its API keys (see
 * {@link ApiKeyHash}); a key in clear is accepted with a warning, and hashed at once, so that neither a heap
 * dump nor response timing gives a key away.
 */
@Component(service = ConfiguredTenant.class, configurationPid = TenantConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TenantConfiguration.class, factory = true)
public class ConfiguredTenant {

    static final int MIN_KEY_LENGTH = 16;
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredTenant.class);

    private final SecureRandom random = new SecureRandom();
    private final TenantId id;
    private final String name;
    private final boolean enabled;
    private final List<ApiKeyHash> keyHashes;
    private final TenantSettings settings;
    private final Set<String> features;
    private final ZoneId timeZone;
    private final Set<Role> keyRoles;

    @Activate
    public ConfiguredTenant(TenantConfiguration config) {
        if (!TenantId.isValid(config.id())) {
            throw new IllegalArgumentException("tenant id '" + config.id() + "' is not valid: use lower-case letters, "
                    + "digits, '-' and '_', at most 64 characters");
        }
        this.id = new TenantId(config.id());
        this.keyHashes = keyHashes(config.apiKeys() == null ? new String[0] : config.apiKeys());
        this.keyRoles = keyRoles(config.apiKeyRoles());
        this.name = config.name().isBlank() ? config.id() : config.name();
        this.timeZone = timeZone(config);
        this.enabled = config.enabled();
        this.settings = new TenantSettings(id, config.invoiceNumberPattern(), config.functionalCurrency(),
                config.creditCheckBlocks(), tolerance(config), config.badDebtTaxRelief(),
                config.discountTaxAdjustment(), approvalThreshold(config));
        this.features = config.features() == null ? Set.of() : Arrays.stream(config.features())
                .filter(feature -> feature != null && !feature.isBlank()).map(String::trim).collect(Collectors.toUnmodifiableSet());
    }

    private List<ApiKeyHash> keyHashes(String[] keys) {
        List<ApiKeyHash> hashes = new ArrayList<>();
        int clear = 0;
        for (String key : keys) {
            if (ApiKeyHash.isHash(key)) {
                hashes.add(ApiKeyHash.parse(key).orElseThrow(() -> new IllegalArgumentException("tenant " + id.value()
                        + " has an API key hash that is not of the form " + ApiKeyHash.PREFIX + "<salt>:<hmac>")));
            } else if (key == null || key.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("tenant " + id.value() + " has an API key shorter than "
                        + MIN_KEY_LENGTH + " characters");
            } else {
                hashes.add(ApiKeyHash.of(key, random));
                clear++;
            }
        }
        if (clear > 0) {
            LOG.warn("Tenant {}: {} of its API keys are in clear text in its configuration; anyone who can read the "
                    + "configuration can act for the tenant. Store the hash instead: Gogo 'receivables:hashKey <key>' "
                    + "prints it.", id.value(), clear);
        }
        return List.copyOf(hashes);
    }

    private Set<Role> keyRoles(String[] roles) {
        EnumSet<Role> held = EnumSet.noneOf(Role.class);
        for (String role : roles == null ? new String[0] : roles) {
            if (role != null && !role.isBlank()) {
                try {
                    held.add(Role.valueOf(role.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    throw new IllegalArgumentException("tenant " + id.value() + " gives its API keys the role '" + role
                            + "', which is none of " + Arrays.toString(Role.values()));
                }
            }
        }
        return Set.copyOf(held);
    }

    private static BigDecimal tolerance(TenantConfiguration config) {
        String tolerance = config.writeOffTolerance() == null || config.writeOffTolerance().isBlank()
                ? TenantSettings.DEFAULT_WRITE_OFF_TOLERANCE : config.writeOffTolerance().trim();
        try {
            return new BigDecimal(tolerance);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tenant " + config.id() + " has a write-off tolerance that is no decimal "
                    + "amount: " + tolerance);
        }
    }

    private static BigDecimal approvalThreshold(TenantConfiguration config) {
        String threshold = config.approvalThreshold() == null ? "" : config.approvalThreshold().trim();
        if (threshold.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(threshold);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tenant " + config.id() + " has an approval threshold that is no decimal "
                    + "amount: " + threshold);
        }
    }

    private static ZoneId timeZone(TenantConfiguration config) {
        try {
            return ZoneId.of(config.timeZone() == null || config.timeZone().isBlank() ? "UTC" : config.timeZone().trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("tenant " + config.id() + " has a time zone that is no IANA zone: "
                    + config.timeZone());
        }
    }

    ZoneId timeZone() {
        return timeZone;
    }

    TenantSettings settings() {
        return settings;
    }

    Set<String> features() {
        return features;
    }

    Set<Role> keyRoles() {
        return keyRoles;
    }

    boolean enabled() {
        return enabled;
    }

    TenantId id() {
        return id;
    }

    String name() {
        return name;
    }

    /** Whether {@code key} is one of this tenant's keys and the tenant is enabled. */
    boolean accepts(String key) {
        if (!enabled || key == null) {
            return false;
        }
        boolean match = false;
        for (ApiKeyHash known : keyHashes) {
            match |= known.matches(key);
        }
        return match;
    }
}
