package receivables.api.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditorReferenceTest {

    @Test
    void computesTheCheckDigitsOfTheStandardsExample() {
        // The example of ISO 11649 and the EPC: payload 539007547034 gives RF18 5390 0754 7034.
        CreditorReference reference = CreditorReference.of("539007547034");

        assertThat(reference.value()).isEqualTo("RF18539007547034");
        assertThat(reference.printed()).isEqualTo("RF18 5390 0754 7034");
        assertThat(reference.payload()).isEqualTo("539007547034");
    }

    @Test
    void acceptsWhatPayersTypeAndRejectsATypo() {
        assertThat(CreditorReference.isValid("rf18 5390 0754 7034")).isTrue();
        assertThat(CreditorReference.isValid("RF18 5390 0754 7043")).isFalse();
        assertThat(CreditorReference.isValid("RF185390075470341234567890")).isFalse();
        assertThat(CreditorReference.isValid("INV-2026-1")).isFalse();
        assertThat(CreditorReference.isValid(null)).isFalse();
    }

    @Test
    void everyGeneratedReferenceValidates() {
        for (int n = 1; n < 5000; n += 7) {
            CreditorReference reference = CreditorReference.of("INV2026" + n);
            assertThat(CreditorReference.isValid(reference.value())).as(reference.value()).isTrue();
        }
    }

    @Test
    void refusesPayloadsTheStandardDoesNotAllow() {
        assertThatThrownBy(() -> CreditorReference.of("INV-2026-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditorReference.of("1234567890123456789012")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditorReference.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInvoicesReferenceCarriesTheLettersAndDigitsOfItsNumber() {
        CreditorReference reference = CreditorReference.ofInvoiceNumber("inv-2026/000042").orElseThrow();

        assertThat(reference.payload()).isEqualTo("INV2026000042");
        assertThat(CreditorReference.isValid(reference.value())).isTrue();
        assertThat(CreditorReference.ofInvoiceNumber("INV 2026 000042")).contains(reference);
        assertThat(CreditorReference.ofInvoiceNumber("---")).isEmpty();
        assertThat(CreditorReference.ofInvoiceNumber(null)).isEmpty();
        assertThat(CreditorReference.ofInvoiceNumber("INVOICE-2026-0000000000001")).isEmpty();
    }
}
