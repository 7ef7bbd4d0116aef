package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import receivables.impl.rest.internal.HealthResource.HeldConfiguration;

class HealthResourceTest {

    @Test
    void aComponentFailureIsReportedByItsMessageAlone() {
        assertThat(HealthResource.reason("java.lang.IllegalArgumentException: tenant 'X' is not valid\n"
                + "\tat receivables.impl.tenant.internal.ConfiguredTenant.activate(ConfiguredTenant.java:40)\n"
                + "\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)"))
                .isEqualTo("tenant 'X' is not valid");
        assertThat(HealthResource.reason("org.osgi.service.component.ComponentException\n\tat x.y(Z.java:1)"))
                .isEqualTo("no reason given");
        assertThat(HealthResource.reason("a plain reason")).isEqualTo("a plain reason");
        assertThat(HealthResource.reason(null)).isEqualTo("no reason given");
    }

    @Test
    void aTenantWhoseConfigurationIsHeldButNotYetAppliedKeepsTheHostDown() {
        ComponentDescriptionDTO tenant = description("receivables.tenant", "require");
        ComponentDescriptionDTO database = description("receivables.database",
                "require");
        Map<ComponentDescriptionDTO, Collection<ComponentConfigurationDTO>> ours = new LinkedHashMap<>();
        ours.put(database, List.of(configuration("receivables.database")));
        ours.put(tenant, List.of(configuration("receivables.tenant~acme")));
        List<HeldConfiguration> held = List.of(new HeldConfiguration("receivables.database", null),
                new HeldConfiguration("receivables.tenant~acme", "receivables.tenant"),
                new HeldConfiguration("receivables.tenant~default", "receivables.tenant"));

        assertThat(HealthResource.unappliedConfigurations(held, ours))
                .containsExactly("configuration receivables.tenant~default is not applied yet");

        ours.put(tenant, List.of(configuration("receivables.tenant~acme"), configuration("receivables.tenant~default")));
        assertThat(HealthResource.unappliedConfigurations(held, ours)).isEmpty();
    }

    @Test
    void configurationsOfOthersOrOfComponentsThatIgnoreConfigurationDoNotCount() {
        ComponentDescriptionDTO ignoring = description("receivables.ignoring", HealthResource.POLICY_IGNORE);
        ComponentDescriptionDTO merging = description("receivables.merged", "optional");
        merging.configurationPid = new String[] { "receivables.merged", "receivables.shared" };
        ComponentConfigurationDTO merged = configuration("unused");
        merged.properties = Map.of(Constants.SERVICE_PID, new String[] { "receivables.merged", "receivables.shared" });
        Map<ComponentDescriptionDTO, Collection<ComponentConfigurationDTO>> ours = new LinkedHashMap<>();
        ours.put(ignoring, List.of(configuration(null)));
        ours.put(merging, List.of(merged));
        List<HeldConfiguration> held = List.of(new HeldConfiguration("receivables.ignoring", null),
                new HeldConfiguration("org.apache.felix.fileinstall~deploy", "org.apache.felix.fileinstall"),
                new HeldConfiguration("receivables.merged", null), new HeldConfiguration("receivables.shared", null));

        assertThat(HealthResource.unappliedConfigurations(held, ours)).isEmpty();

        ComponentConfigurationDTO withoutShared = configuration("receivables.merged");
        ours.put(merging, List.of(withoutShared));
        assertThat(HealthResource.unappliedConfigurations(held, ours))
                .containsExactly("configuration receivables.shared is not applied yet");
    }

    private static ComponentDescriptionDTO description(String pid, String policy) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = pid;
        description.configurationPid = new String[] { pid };
        description.configurationPolicy = policy;
        return description;
    }

    private static ComponentConfigurationDTO configuration(String pid) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = ComponentConfigurationDTO.ACTIVE;
        configuration.properties = pid == null ? Map.of() : Map.of(Constants.SERVICE_PID, pid);
        return configuration;
    }
}
