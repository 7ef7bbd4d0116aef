package receivables.impl.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.money.Money;

class WriteOffToleranceTest {

    private static final TenantId TENANT = new TenantId("tolerant");

    @Test
    void aRemainderUpToTheToleranceIsWrittenOffAndNothingElse() {
        TenantSettings settings = TestTenants.withWriteOffTolerance(TENANT, " 0.05 ").settings(TENANT);

        assertThat(settings.writeOffTolerance()).isEqualByComparingTo("0.05");
        assertThat(settings.writesOff(Money.of("0.05", "EUR"))).isTrue();
        assertThat(settings.writesOff(Money.of("0.01", "USD"))).isTrue();
        assertThat(settings.writesOff(Money.of("0.06", "EUR"))).isFalse();
        assertThat(settings.writesOff(Money.of("0", "JPY"))).isFalse();
        assertThat(settings.writesOff(Money.of("1", "JPY"))).isFalse();
    }

    @Test
    void byDefaultNothingIsWrittenOff() {
        TenantSettings settings = new TenantDirectory().settings(TENANT);

        assertThat(settings.writeOffTolerance()).isZero();
        assertThat(settings.writesOff(Money.of("0.01", "EUR"))).isFalse();
    }

    @Test
    void aToleranceThatIsNoAmountOrNegativeKeepsTheTenantFromStarting() {
        assertThatThrownBy(() -> TestTenants.withWriteOffTolerance(TENANT, "five cents"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("write-off tolerance");
        assertThatThrownBy(() -> TestTenants.withWriteOffTolerance(TENANT, "-0.01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("write-off tolerance");
        assertThatThrownBy(() -> new TenantSettings(TENANT, TenantSettings.DEFAULT_INVOICE_NUMBER_PATTERN, "EUR", true,
                new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
