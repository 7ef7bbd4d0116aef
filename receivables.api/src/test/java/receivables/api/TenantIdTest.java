package receivables.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantIdTest {

    @Test
    void acceptsLowerCaseIdsUpTo64Characters() {
        assertThat(new TenantId("acme-eu_2").value()).isEqualTo("acme-eu_2");
        assertThat(TenantId.isValid("a".repeat(64))).isTrue();
    }

    @Test
    void refusesWhatCouldBeConfusedOrInjected() {
        for (String bad : new String[] { "", "Acme", "-acme", "acme eu", "a".repeat(65), "acme/../x", "ac'me" }) {
            assertThat(TenantId.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> new TenantId(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void pageRequestsAreBounded() {
        assertThat(new PageRequest(2, 10).offset()).isEqualTo(20);
        assertThatThrownBy(() -> new PageRequest(-1, 10)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new PageRequest(0, PageRequest.MAX_SIZE + 1))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("size"));
    }
}
