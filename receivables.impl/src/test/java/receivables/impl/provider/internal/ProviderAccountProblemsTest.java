package receivables.impl.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;

class ProviderAccountProblemsTest {

    private final SealedSecrets secrets = TestProviders.secrets();

    @Test
    void anAccountWhoseSecretCannotBeOpenedIsDisabledAndSaysWhy() {
        String foreign = TestProviders.secrets().seal("merchant-key");
        ConfiguredProviderAccount broken = activated("acme", "wallet", new String[] { "appId=1" },
                new String[] { "merchantPrivateKey=" + foreign });
        ConfiguredProviderAccount fine = TestProviders.account(secrets, "acme", "paylink", true, Map.of(), Map.of("k", "v"));
        ProviderDirectory directory = TestProviders.directory(Map.of(), List.of(broken, fine));

        assertThat(broken.enabled()).isFalse();
        assertThat(broken.settings()).isEmpty();
        assertThat(directory.enabled(new TenantId("acme"), "wallet")).isFalse();
        assertThat(directory.enabled(new TenantId("acme"), "paylink")).isTrue();
        assertThat(directory.problems(new TenantId("acme")))
                .containsExactly("provider account acme/wallet is disabled: a secret was sealed with another key, or was "
                        + "changed after sealing");
        assertThat(directory.problems(new TenantId("other"))).as("another tenant's account is not named").isEmpty();
    }

    @Test
    void malformedEntriesAndInvalidNamesDisableTheAccount() {
        ConfiguredProviderAccount noEquals = activated("acme", "wallet", new String[] { "appId" }, new String[0]);
        ConfiguredProviderAccount badTenant = activated("Not A Tenant", "wallet", new String[0], new String[0]);
        ConfiguredProviderAccount badProvider = activated("acme", "Wallet!", new String[0], new String[0]);
        ProviderDirectory directory = TestProviders.directory(Map.of(), List.of(noEquals, badTenant, badProvider));

        assertThat(List.of(noEquals, badTenant, badProvider)).noneMatch(ConfiguredProviderAccount::enabled);
        assertThat(directory.problems(new TenantId("acme"))).hasSize(3)
                .anyMatch(problem -> problem.contains("entries must read key=value"))
                .anyMatch(problem -> problem.startsWith("provider account ?/wallet") && problem.contains("not a valid tenant id"))
                .anyMatch(problem -> problem.contains("is not a provider id"));
        assertThat(directory.problems(new TenantId("other"))).hasSize(1);
    }

    private ConfiguredProviderAccount activated(String tenant, String provider, String[] settings, String[] secretValues) {
        return new ConfiguredProviderAccount(secrets, null,
                TestProviders.configuration(tenant, provider, true, settings, secretValues), Map.of());
    }
}
