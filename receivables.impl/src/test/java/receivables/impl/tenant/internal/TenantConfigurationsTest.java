package receivables.impl.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.platform.ManagedTenant;
import receivables.api.platform.NewTenant;
import receivables.impl.audit.internal.CallerScope;
import receivables.impl.audit.internal.ConfigurationActors;

/** The platform's tenants as configurations, against an in-memory ConfigurationAdmin. */
class TenantConfigurationsTest {

    private static final String HASH = "{hmac-sha256}CO1eQP0qO0xSA4qaT1bEzA:wkiaZ7xwPgxu7STKhpfahPcyqu/wSp/cDRyiZPO+0AA";

    private final InMemoryConfigurationAdmin configurations = new InMemoryConfigurationAdmin();
    private final Map<String, Dictionary<String, Object>> stored = configurations.stored();
    private final TenantConfigurations tenants = new TenantConfigurations(configurations.admin(), new ConfigurationActors(new CallerScope()));

    @Test
    void aTenantIsCreatedWithDefaultsAndListedWithoutItsKeys() {
        ManagedTenant created = tenants.create(new NewTenant("acme", null, null, null, List.of("bank-reconciliation"),
                List.of(HASH)));

        assertThat(created).isEqualTo(new ManagedTenant("acme", "acme", true, "EUR", "UTC", Set.of("bank-reconciliation"),
                1));
        Dictionary<String, Object> properties = stored.get("receivables.tenant~acme");
        assertThat(properties.get("apiKeys")).isEqualTo(new String[] { HASH });
        assertThat(tenants.list()).containsExactly(created);
        assertThat(tenants.list().toString()).doesNotContain("hmac");
        assertThatThrownBy(() -> tenants.create(new NewTenant("acme", "Again", null, null, null, null)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void everyFieldAtFaultIsNamedAndNothingIsStored() {
        assertThatThrownBy(() -> tenants.create(new NewTenant("Not An Id", "x".repeat(201), "XXX", "Mars/Olympus",
                List.of("ok", "Not OK"), List.of("a-key-in-clear-0001"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.violations())
                        .extracting(FieldViolation::field).containsExactlyInAnyOrder("id", "name", "functionalCurrency",
                                "timeZone", "features[1]", "apiKeyHashes[0]"));
        assertThatThrownBy(() -> tenants.create(new NewTenant(null, null, null, null, null, null)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("id");
        assertThat(stored).isEmpty();
    }

    @Test
    void switchingFeaturesKeepsTheRestOfTheConfiguration() {
        tenants.create(new NewTenant("acme", "Acme", "CNY", "Asia/Shanghai", List.of("a"), List.of(HASH)));

        ManagedTenant switched = tenants.switchFeatures("acme", Set.of("bank-reconciliation", "dunning"));

        assertThat(switched.features()).containsExactlyInAnyOrder("bank-reconciliation", "dunning");
        assertThat(switched.functionalCurrency()).isEqualTo("CNY");
        assertThat(stored.get("receivables.tenant~acme").get("apiKeys")).isEqualTo(new String[] { HASH });
        assertThat(tenants.switchFeatures("acme", Set.of()).features()).isEmpty();
        assertThatThrownBy(() -> tenants.switchFeatures("nobody", Set.of())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tenants.switchFeatures("acme", Set.of("(id=*)")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> tenants.switchFeatures("acme", null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("features");
    }

    @Test
    void aTenantFromAFileIsListedAsItsTextSaysIt() {
        Hashtable<String, Object> file = new Hashtable<>();
        file.put("service.factoryPid", TenantConfiguration.FACTORY_PID);
        file.put("id", "default");
        file.put("apiKeys", HASH);
        file.put("features", "bank-reconciliation");
        file.put("enabled", "false");
        stored.put("receivables.tenant~default", file);

        assertThat(tenants.list()).containsExactly(new ManagedTenant("default", "default", false, "EUR", "UTC",
                Set.of("bank-reconciliation"), 1));
    }
}
