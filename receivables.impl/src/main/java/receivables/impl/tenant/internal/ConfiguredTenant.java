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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
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
    /** Replaced whole when the configuration changes, so that a request sees the old terms or the new, never a mix. */
    private volatile Terms terms;
    /** Why the latest configuration was refused; while it is, the tenant refuses every caller and runs no work. */
    private volatile String refusal;

    /** What the configuration says, checked. */
    private record Terms(TenantId id, String name, boolean enabled, List<ApiKeyHash> keyHashes, TenantSettings settings,
            Set<String> features, ZoneId timeZone, Set<Role> keyRoles) {
    }

    @Activate
    public ConfiguredTenant(TenantConfiguration config) {
        this.terms = terms(config);
    }

    /**
     * A changed configuration takes effect in place: without this, DS would unregister the tenant and register it
     * again, and its callers would be refused in between.
     */
    @Modified
    void modified(TenantConfiguration config) {
        try {
            this.terms = terms(config);
            this.refusal = null;
        } catch (IllegalArgumentException e) {
            this.refusal = e.getMessage();
            LOG.error("Tenant {} refuses every caller until its configuration is corrected: {}", terms.id().value(),
                    e.getMessage());
        }
    }

    /** Why the tenant's latest configuration was refused, if it was. */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    private Terms terms(TenantConfiguration config) {
        if (!TenantId.isValid(config.id())) {
            throw new IllegalArgumentException("tenant id '" + config.id() + "' is not valid: use lower-case letters, "
                    + "digits, '-' and '_', at most 64 characters");
        }
        TenantId id = new TenantId(config.id());
        List<ApiKeyHash> keyHashes = keyHashes(id, config.apiKeys() == null ? new String[0] : config.apiKeys());
        Set<Role> keyRoles = keyRoles(id, config.apiKeyRoles());
        String name = config.name().isBlank() ? config.id() : config.name();
        TenantSettings settings = new TenantSettings(id, config.invoiceNumberPattern(), config.functionalCurrency(),
                config.creditCheckBlocks(), tolerance(config), config.badDebtTaxRelief(),
                config.discountTaxAdjustment(), approvalThreshold(config));
        Set<String> features = config.features() == null ? Set.of() : Arrays.stream(config.features())
                .filter(feature -> feature != null && !feature.isBlank()).map(String::trim).collect(Collectors.toUnmodifiableSet());
        return new Terms(id, name, config.enabled(), keyHashes, settings, features, timeZone(config), keyRoles);
    }

    private List<ApiKeyHash> keyHashes(TenantId id, String[] keys) {
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

    private static Set<Role> keyRoles(TenantId id, String[] roles) {
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
        return terms.timeZone();
    }

    TenantSettings settings() {
        return terms.settings();
    }

    Set<String> features() {
        return terms.features();
    }

    Set<Role> keyRoles() {
        return terms.keyRoles();
    }

    boolean enabled() {
        return refusal == null && terms.enabled();
    }

    TenantId id() {
        return terms.id();
    }

    String name() {
        return terms.name();
    }

    /** Whether {@code key} is one of this tenant's keys and the tenant is enabled. */
    boolean accepts(String key) {
        Terms current = terms;
        if (!enabled() || key == null) {
            return false;
        }
        boolean match = false;
        for (ApiKeyHash known : current.keyHashes()) {
            match |= known.matches(key);
        }
        return match;
    }
}
