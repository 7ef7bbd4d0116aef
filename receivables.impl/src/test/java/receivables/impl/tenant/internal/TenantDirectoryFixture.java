package receivables.impl.tenant.internal;

import java.lang.annotation.Annotation;
import java.util.List;

import receivables.api.TenantId;

public final class TenantDirectoryFixture {

    private TenantDirectoryFixture() {
    }

    /** A directory with one tenant whose failed credit checks only warn. */
    public static TenantDirectory warningOnly(TenantId id) {
        return directory(tenant(configuration(id.value(), true, TenantSettings.DEFAULT_INVOICE_NUMBER_PATTERN,
                TenantSettings.DEFAULT_FUNCTIONAL_CURRENCY, false, "warning-only-key-0001")));
    }

    /** A directory with one tenant that writes off what payments leave open up to {@code writeOffTolerance}. */
    public static TenantDirectory withWriteOffTolerance(TenantId id, String writeOffTolerance) {
        return directory(tenant(configuration(id.value(), true, TenantSettings.DEFAULT_INVOICE_NUMBER_PATTERN,
                TenantSettings.DEFAULT_FUNCTIONAL_CURRENCY, true, writeOffTolerance, new String[] { "tolerant-key-00001" })));
    }

    /** A directory with one tenant that has {@code features} switched on. */
    public static TenantDirectory withFeatures(TenantId id, String... features) {
        return directory(tenant(configuration(id.value(), true, TenantSettings.DEFAULT_INVOICE_NUMBER_PATTERN,
                TenantSettings.DEFAULT_FUNCTIONAL_CURRENCY, true, TenantSettings.DEFAULT_WRITE_OFF_TOLERANCE,
                new String[] { "featured-key-00001" }, features, false)));
    }

    /** A directory with one tenant whose bad-debt write-offs take the tax share back off tax payable. */
    public static TenantDirectory withBadDebtTaxRelief(TenantId id) {
        return directory(tenant(configuration(id.value(), true, TenantSettings.DEFAULT_INVOICE_NUMBER_PATTERN,
                TenantSettings.DEFAULT_FUNCTIONAL_CURRENCY, true, TenantSettings.DEFAULT_WRITE_OFF_TOLERANCE,
                new String[] { "relieved-key-00001" }, new String[0], true)));
    }

    /** A directory with one tenant whose early-payment discounts take their tax share back off tax payable. */
    public static TenantDirectory withDiscountTaxAdjustment(TenantId id, String writeOffTolerance) {
        return directory(tenant(configuration(id.value(), true, TenantSettings.DEFAULT_INVOICE_NUMBER_PATTERN,
                TenantSettings.DEFAULT_FUNCTIONAL_CURRENCY, true, writeOffTolerance,
                new String[] { "discount-key-00001" }, new String[0], false, true)));
    }

    static TenantDirectory directory(ConfiguredTenant... tenants) {
        TenantDirectory directory = new TenantDirectory();
        directory.tenants = List.of(tenants);
        return directory;
    }

    static ConfiguredTenant tenant(TenantConfiguration configuration) {
        ConfiguredTenant tenant = new ConfiguredTenant();
        tenant.activate(configuration);
        return tenant;
    }

    static TenantConfiguration configuration(String id, boolean enabled, String invoiceNumberPattern,
            String functionalCurrency, boolean creditCheckBlocks, String... keys) {
        return configuration(id, enabled, invoiceNumberPattern, functionalCurrency, creditCheckBlocks,
                TenantSettings.DEFAULT_WRITE_OFF_TOLERANCE, keys);
    }

    static TenantConfiguration configuration(String id, boolean enabled, String invoiceNumberPattern,
            String functionalCurrency, boolean creditCheckBlocks, String writeOffTolerance, String[] keys) {
        return configuration(id, enabled, invoiceNumberPattern, functionalCurrency, creditCheckBlocks, writeOffTolerance,
                keys, new String[0], false);
    }

    static TenantConfiguration configuration(String id, boolean enabled, String invoiceNumberPattern,
            String functionalCurrency, boolean creditCheckBlocks, String writeOffTolerance, String[] keys,
            String[] features, boolean badDebtTaxRelief) {
        return configuration(id, enabled, invoiceNumberPattern, functionalCurrency, creditCheckBlocks, writeOffTolerance,
                keys, features, badDebtTaxRelief, false);
    }

    static TenantConfiguration configuration(String id, boolean enabled, String invoiceNumberPattern,
            String functionalCurrency, boolean creditCheckBlocks, String writeOffTolerance, String[] keys,
            String[] features, boolean badDebtTaxRelief, boolean discountTaxAdjustment) {
        return new TenantConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TenantConfiguration.class;
            }

            @Override
            public String id() {
                return id;
            }

            @Override
            public String name() {
                return "";
            }

            @Override
            public String[] apiKeys() {
                return keys;
            }

            @Override
            public String[] apiKeyRoles() {
                return new String[] { "CLERK", "COLLECTOR", "FINANCE_MANAGER", "TENANT_ADMIN", "AUDITOR" };
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String invoiceNumberPattern() {
                return invoiceNumberPattern;
            }

            @Override
            public String functionalCurrency() {
                return functionalCurrency;
            }

            @Override
            public String timeZone() {
                return "UTC";
            }

            @Override
            public boolean creditCheckBlocks() {
                return creditCheckBlocks;
            }

            @Override
            public String writeOffTolerance() {
                return writeOffTolerance;
            }

            @Override
            public String[] features() {
                return features;
            }

            @Override
            public boolean badDebtTaxRelief() {
                return badDebtTaxRelief;
            }

            @Override
            public boolean discountTaxAdjustment() {
                return discountTaxAdjustment;
            }
        };
    }
}
