package receivables.impl.tenant.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.util.converter.Converters;

import receivables.api.TenantId;

/**
 * Tenants as tests want them, built through the constructors Declarative Services uses: each from the few
 * configuration properties a test cares about, every other property at its metatype default.
 */
public final class TestTenants {

    private TestTenants() {
    }

    /** A directory with one tenant whose failed credit checks only warn. */
    public static TenantDirectory warningOnly(TenantId id) {
        return directory(tenant(id, "creditCheckBlocks", false));
    }

    /** A directory with one tenant that writes off what payments leave open up to {@code writeOffTolerance}. */
    public static TenantDirectory withWriteOffTolerance(TenantId id, String writeOffTolerance) {
        return directory(tenant(id, "writeOffTolerance", writeOffTolerance));
    }

    /** A directory with one tenant that has {@code features} switched on. */
    public static TenantDirectory withFeatures(TenantId id, String... features) {
        return directory(tenant(id, "features", features));
    }

    /** A directory with one tenant whose days are counted in {@code timeZone}. */
    public static TenantDirectory withTimeZone(TenantId id, String timeZone) {
        return directory(tenant(id, "timeZone", timeZone));
    }

    /** A directory with one tenant whose bad-debt write-offs take the tax share back off tax payable. */
    public static TenantDirectory withBadDebtTaxRelief(TenantId id) {
        return directory(tenant(id, "badDebtTaxRelief", true));
    }

    /** A directory with one tenant whose early-payment discounts take their tax share back off tax payable. */
    public static TenantDirectory withDiscountTaxAdjustment(TenantId id, String writeOffTolerance) {
        return directory(tenant(id, "writeOffTolerance", writeOffTolerance, "discountTaxAdjustment", true));
    }

    /** A directory with tenants whose failed credit checks only warn, each in {@code timeZone}. */
    public static TenantDirectory warningOnly(String timeZone, TenantId... ids) {
        return directory(Arrays.stream(ids).map(id -> tenant(id, "creditCheckBlocks", false, "timeZone", timeZone))
                .toArray(ConfiguredTenant[]::new));
    }

    /** A directory with one tenant whose write-offs and credit notes above {@code threshold} wait for approval. */
    public static TenantDirectory withApprovalThreshold(TenantId id, String functionalCurrency, String threshold) {
        return directory(tenant(id, "functionalCurrency", functionalCurrency, "approvalThreshold", threshold));
    }

    static TenantDirectory directory(ConfiguredTenant... tenants) {
        return new TenantDirectory(List.of(tenants));
    }

    /** The tenant {@code id} with a key of its own and {@code properties} (name, value, ...) over the defaults. */
    static ConfiguredTenant tenant(TenantId id, Object... properties) {
        Map<String, Object> configured = new HashMap<>(Map.of("id", id.value(),
                "apiKeys", new String[] { id.value() + "-key-0123456789abcdef" }));
        for (int i = 0; i < properties.length; i += 2) {
            configured.put((String) properties[i], properties[i + 1]);
        }
        return new ConfiguredTenant(configuration(configured));
    }

    /** The configuration of {@code properties}, as ConfigAdmin would hand it to the component. */
    static TenantConfiguration configuration(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(TenantConfiguration.class);
    }
}
