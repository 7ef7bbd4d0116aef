package receivables.impl.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantsCommandTest {

    @Test
    void listsEveryTenantEnabledOrNotWithItsFeatures() {
        TenantDirectory directory = TenantDirectoryFixture.directory(
                TenantDirectoryFixture.tenant(TenantDirectoryFixture.configuration("zeta", false,
                        TenantSettings.DEFAULT_INVOICE_NUMBER_PATTERN, "EUR", true, "0", new String[] { "zeta-key-000000001" },
                        new String[0], false)),
                TenantDirectoryFixture.tenant(TenantDirectoryFixture.configuration("acme", true,
                        TenantSettings.DEFAULT_INVOICE_NUMBER_PATTERN, "EUR", true, "0", new String[] { "acme-key-000000001" },
                        new String[] { "wallet", "bank-reconciliation" }, false)));

        assertThat(new TenantsCommand(directory).tenants()).isEqualTo("""
                2 tenant(s):
                acme  acme  enabled   features: bank-reconciliation, wallet
                zeta  zeta  disabled  features: none""");
    }

    @Test
    void saysSoWhenNoTenantIsConfigured() {
        assertThat(new TenantsCommand(TenantDirectoryFixture.directory()).tenants())
                .startsWith("no tenant is configured");
    }
}
