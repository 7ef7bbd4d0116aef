package receivables.impl.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import java.util.Map;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.people.Role;

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
        assertThatThrownBy(() -> new TenantSettings(new TenantId("x"), "INV-{year}", "EUR", true))
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

    @Test
    void theConfiguredKeysHoldTheConfiguredRolesEveryRoleByDefault() {
        TenantDirectory directory = authenticator(
                TestTenants.tenant(new TenantId("narrow"), "apiKeyRoles", new String[] { "clerk", " AUDITOR " }),
                TestTenants.tenant(new TenantId("broad")));

        assertThat(directory.keyRoles(new TenantId("narrow"))).containsExactlyInAnyOrder(Role.CLERK, Role.AUDITOR);
        assertThat(directory.keyRoles(new TenantId("broad"))).containsExactlyInAnyOrder(Role.values());
        assertThat(directory.keyRoles(new TenantId("unknown"))).isEmpty();
        assertThatThrownBy(() -> TestTenants.tenant(new TenantId("root"), "apiKeyRoles", new String[] { "ROOT" }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ROOT'");
    }

    @Test
    void aChangedConfigurationTakesEffectInPlaceAndABadOneShutsTheTenantUntilMended() {
        ConfiguredTenant alpha = tenant("alpha", true, "alpha-key-0000000001");
        TenantDirectory directory = authenticator(alpha);

        alpha.modified(TestTenants.configuration(Map.of("id", "alpha", "enabled", true, "name", "Alpha Ltd",
                "features", new String[] { "dunning" }, "apiKeys", new String[] { "alpha-key-0000000002" })));

        assertThat(directory.authenticate("alpha", "alpha-key-0000000002")).contains(new TenantId("alpha"));
        assertThat(directory.authenticate("alpha", "alpha-key-0000000001")).isEmpty();
        assertThat(directory.profile(new TenantId("alpha")).orElseThrow().name()).isEqualTo("Alpha Ltd");
        assertThat(directory.features(new TenantId("alpha"))).containsExactly("dunning");

        assertThat(directory.problems()).isEmpty();

        alpha.modified(TestTenants.configuration(Map.of("id", "alpha", "apiKeys", new String[] { "tiny" })));
        assertThat(directory.authenticate("alpha", "alpha-key-0000000002")).isEmpty();
        assertThat(directory.enabledTenants()).isEmpty();
        assertThat(directory.problems()).singleElement().asString().contains("tenant alpha", "shorter than 16")
                .doesNotContain("tiny");

        alpha.modified(TestTenants.configuration(Map.of("id", "alpha", "apiKeys", new String[] { "alpha-key-0000000003" })));
        assertThat(directory.authenticate("alpha", "alpha-key-0000000003")).contains(new TenantId("alpha"));
        assertThat(directory.problems()).isEmpty();
    }

    private static TenantDirectory authenticator(ConfiguredTenant... tenants) {
        return TestTenants.directory(tenants);
    }

    private static ConfiguredTenant tenant(String id, boolean enabled, String... keys) {
        return new ConfiguredTenant(TestTenants.configuration(Map.of("id", id, "enabled", enabled,
                "invoiceNumberPattern", "{yy}/{number:4}", "functionalCurrency", "CHF", "apiKeys", keys)));
    }
}
