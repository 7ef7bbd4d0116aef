package receivables.impl.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;

class TenantDirectoryTest {

    @Test
    void resolvesTheTenantThatOwnsTheKey() {
        TenantDirectory authenticator = authenticator(
                tenant("alpha", true, "alpha-key-0000000001", "alpha-key-0000000002"),
                tenant("beta", true, "beta-key-00000000001"));

        assertThat(authenticator.authenticate("alpha", "alpha-key-0000000002")).contains(new TenantId("alpha"));
        assertThat(authenticator.authenticate("beta", "beta-key-00000000001")).contains(new TenantId("beta"));
    }

    @Test
    void knowsEachTenantsSettingsAndDefaultsForOthers() {
        TenantDirectory directory = authenticator(tenant("alpha", true, "alpha-key-0000000001"));

        assertThat(directory.settings(new TenantId("alpha")).invoiceNumber(java.time.LocalDate.of(2026, 3, 1), 7))
                .isEqualTo("26/0007");
        assertThat(directory.settings(new TenantId("alpha")).functionalCurrency()).isEqualTo("CHF");
        assertThat(directory.settings(new TenantId("other")).invoiceNumber(java.time.LocalDate.of(2026, 3, 1), 7))
                .isEqualTo("INV-2026-000007");
        assertThatThrownBy(() -> new TenantSettings(new TenantId("x"), "INV-{year}", "EUR"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnotherTenantsKeyAnUnknownTenantAndADisabledOne() {
        TenantDirectory authenticator = authenticator(
                tenant("alpha", true, "alpha-key-0000000001"),
                tenant("gamma", false, "gamma-key-0000000001"));

        assertThat(authenticator.authenticate("alpha", "beta-key-00000000001")).isEmpty();
        assertThat(authenticator.authenticate("beta", "alpha-key-0000000001")).isEmpty();
        assertThat(authenticator.authenticate("gamma", "gamma-key-0000000001")).isEmpty();
        assertThat(authenticator.authenticate(null, null)).isEmpty();
        assertThat(authenticator.authenticate("alpha", null)).isEmpty();
    }

    @Test
    void aTenantWithAnInvalidIdOrAShortKeyDoesNotStart() {
        assertThatThrownBy(() -> tenant("Not Valid", true, "long-enough-key-0001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tenant("alpha", true, "tiny")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("tiny");
    }

    private static TenantDirectory authenticator(ConfiguredTenant... tenants) {
        TenantDirectory authenticator = new TenantDirectory();
        authenticator.tenants = List.of(tenants);
        return authenticator;
    }

    private static ConfiguredTenant tenant(String id, boolean enabled, String... keys) {
        ConfiguredTenant tenant = new ConfiguredTenant();
        tenant.activate(new TenantConfiguration() {
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
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String invoiceNumberPattern() {
                return "{yy}/{number:4}";
            }

            @Override
            public String functionalCurrency() {
                return "CHF";
            }
        });
        return tenant;
    }
}
