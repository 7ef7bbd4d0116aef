package receivables.impl.tenant.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import receivables.api.TenantId;

/**
 * One tenant from a factory configuration. Keys are held as SHA-256 digests and compared in constant
 * time, so neither a heap dump nor response timing gives a key away.
 */
@Component(service = ConfiguredTenant.class, configurationPid = TenantConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TenantConfiguration.class, factory = true)
public class ConfiguredTenant {

    static final int MIN_KEY_LENGTH = 16;

    private TenantId id;
    private String name;
    private boolean enabled;
    private List<byte[]> keyDigests;
    private TenantSettings settings;
    private Set<String> features;

    @Activate
    void activate(TenantConfiguration config) {
        if (!TenantId.isValid(config.id())) {
            throw new IllegalArgumentException("tenant id '" + config.id() + "' is not valid: use lower-case letters, "
                    + "digits, '-' and '_', at most 64 characters");
        }
        String[] keys = config.apiKeys() == null ? new String[0] : config.apiKeys();
        for (String key : keys) {
            if (key == null || key.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("tenant " + config.id() + " has an API key shorter than "
                        + MIN_KEY_LENGTH + " characters");
            }
        }
        this.id = new TenantId(config.id());
        this.name = config.name().isBlank() ? config.id() : config.name();
        this.enabled = config.enabled();
        this.keyDigests = Arrays.stream(keys).map(ConfiguredTenant::digest).toList();
        this.settings = new TenantSettings(id, config.invoiceNumberPattern(), config.functionalCurrency(),
                config.creditCheckBlocks(), tolerance(config), config.badDebtTaxRelief());
        this.features = config.features() == null ? Set.of() : Arrays.stream(config.features())
                .filter(feature -> feature != null && !feature.isBlank()).map(String::trim).collect(Collectors.toUnmodifiableSet());
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

    TenantSettings settings() {
        return settings;
    }

    Set<String> features() {
        return features;
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
        byte[] offered = digest(key);
        boolean match = false;
        for (byte[] known : keyDigests) {
            match |= MessageDigest.isEqual(known, offered);
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
