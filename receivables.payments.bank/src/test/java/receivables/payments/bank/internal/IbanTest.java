package receivables.payments.bank.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IbanTest {

    @Test
    void checksTheDigitsModulo97() {
        assertThat(Iban.isValid("DE89370400440532013000")).isTrue();
        assertThat(Iban.isValid("gb82 west 1234 5698 7654 32")).isTrue();
        assertThat(Iban.isValid("DE89370400440532013001")).isFalse();
        assertThat(Iban.isValid("DE8937040044")).isFalse();
        assertThat(Iban.isValid("1289370400440532013000")).isFalse();
        assertThat(Iban.isValid(null)).isFalse();
        assertThat(Iban.parse("be72 0000 0000 1616").value()).isEqualTo("BE72000000001616");
        assertThatThrownBy(() -> Iban.parse("BE72 0000 0000 1617")).isInstanceOf(IllegalArgumentException.class);
    }
}
