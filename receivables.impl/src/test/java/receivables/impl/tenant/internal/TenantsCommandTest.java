package receivables.impl.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;

class TenantsCommandTest {

    @Test
    void listsEveryTenantEnabledOrNotWithItsFeatures() {
        TenantDirectory directory = TestTenants.directory(
                TestTenants.tenant(new TenantId("zeta"), "enabled", false),
                TestTenants.tenant(new TenantId("acme"), "name", "Acme GmbH", "features",
                        new String[] { "wallet", "bank-reconciliation" }));

        assertThat(new TenantsCommand(directory).tenants()).isEqualTo("""
                2 tenant(s):
                acme  Acme GmbH  enabled   features: bank-reconciliation, wallet
                zeta  zeta       disabled  features: none""");
    }

    @Test
    void saysSoWhenNoTenantIsConfigured() {
        assertThat(new TenantsCommand(TestTenants.directory()).tenants()).startsWith("no tenant is configured");
    }
}
