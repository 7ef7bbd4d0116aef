package receivables.impl.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.platform.ManagedTenant;
import receivables.api.platform.NewTenant;

/** The platform's tenants as configurations, against an in-memory ConfigurationAdmin. */
class TenantConfigurationsTest {

    private static final String HASH = "{hmac-sha256}CO1eQP0qO0xSA4qaT1bEzA:wkiaZ7xwPgxu7STKhpfahPcyqu/wSp/cDRyiZPO+0AA";

    private final Map<String, Dictionary<String, Object>> stored = new LinkedHashMap<>();
    private final TenantConfigurations tenants = new TenantConfigurations(inMemory());

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

    /** Enough of ConfigurationAdmin for factory configurations: get by name, list by filter, update. */
    private ConfigurationAdmin inMemory() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ConfigurationAdmin.class }, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getFactoryConfiguration" -> configuration(arguments[0] + "~" + arguments[1], (String) arguments[0]);
                    case "listConfigurations" -> {
                        Filter filter = FrameworkUtil.createFilter((String) arguments[0]);
                        List<Configuration> found = new ArrayList<>();
                        stored.forEach((pid, properties) -> {
                            if (filter.match(properties)) {
                                found.add(configuration(pid, String.valueOf(properties.get("service.factoryPid"))));
                            }
                        });
                        yield found.isEmpty() ? null : found.toArray(Configuration[]::new);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Configuration configuration(String pid, String factoryPid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Configuration.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getProperties" -> stored.containsKey(pid) ? copy(stored.get(pid)) : null;
                    case "update" -> {
                        Dictionary<String, Object> properties = copy(cast(arguments[0]));
                        properties.put("service.pid", pid);
                        properties.put("service.factoryPid", factoryPid);
                        stored.put(pid, properties);
                        yield null;
                    }
                    case "getPid" -> pid;
                    case "getFactoryPid" -> factoryPid;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static Dictionary<String, Object> cast(Object dictionary) {
        return (Dictionary<String, Object>) dictionary;
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (var keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            copy.put(key, properties.get(key));
        }
        return copy;
    }
}
