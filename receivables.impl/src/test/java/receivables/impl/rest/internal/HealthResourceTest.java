package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
