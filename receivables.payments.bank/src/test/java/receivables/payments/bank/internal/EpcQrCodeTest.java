package receivables.payments.bank.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import receivables.api.money.Money;
import receivables.api.provider.BankTransfer;

class EpcQrCodeTest {

    @Test
    void laysOutTheElementsOfVersion002WithAStructuredReference() {
        String payload = EpcQrCode.of(new BankTransfer("Red Cross of Belgium", "BE72 0000 0000 1616", "BPOTBEB1", null,
                Money.of("1.00", "EUR"), "RF18539007547034")).orElseThrow().payload();

        // EPC069-12 section 7: service tag, version, character set, identification, BIC, name, IBAN, amount,
        // purpose, structured reference; nothing follows the last element filled.
        assertThat(payload.split("\n", -1)).containsExactly("BCD", "002", "1", "SCT", "BPOTBEB1", "Red Cross of Belgium",
                "BE72000000001616", "EUR1.00", "", "RF18539007547034");
        assertThat(payload).doesNotEndWith("\n").doesNotContain("\r");
    }

    @Test
    void putsAReferenceThatIsNoCreditorReferenceInTheUnstructuredElement() {
        String payload = EpcQrCode.of(new BankTransfer("Acme GmbH", "DE89370400440532013000", null, null,
                Money.of("999999999.99", "EUR"), "INVOICE-2026-000000000000000042")).orElseThrow().payload();

        assertThat(payload.split("\n", -1)).containsExactly("BCD", "002", "1", "SCT", "", "Acme GmbH",
                "DE89370400440532013000", "EUR999999999.99", "", "", "INVOICE-2026-000000000000000042");
    }

    @Test
    void cutsTheNameToSeventyCharactersAndStaysWithin331Bytes() {
        String name = "Ä".repeat(90) + "\nBCD";
        String payload = EpcQrCode.of(new BankTransfer(name, "DE89370400440532013000", "COBADEFFXXX", null,
                Money.of("12.30", "EUR"), "RF18539007547034")).orElseThrow().payload();

        assertThat(payload.split("\n", -1)[5]).isEqualTo("Ä".repeat(70));
        assertThat(payload.split("\n", -1)).hasSize(10);
        assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(EpcQrCode.MAX_BYTES);
    }

    @Test
    void hasNoCodeOutsideTheSchemesRange() {
        assertThat(EpcQrCode.of(new BankTransfer("Acme", "DE89370400440532013000", null, null, Money.of("10.00", "USD"),
                "RF18539007547034"))).isEmpty();
        assertThat(EpcQrCode.of(new BankTransfer("Acme", null, null, "1234567", Money.of("10.00", "EUR"),
                "RF18539007547034"))).isEmpty();
        assertThat(EpcQrCode.of(new BankTransfer("Acme", "DE89370400440532013000", null, null,
                Money.of("1000000000.00", "EUR"), "RF18539007547034"))).isEmpty();
        assertThat(EpcQrCode.of(new BankTransfer("Acme", "DE89370400440532013000", null, null, Money.of("0.00", "EUR"),
                "RF18539007547034"))).isEmpty();
    }
}
