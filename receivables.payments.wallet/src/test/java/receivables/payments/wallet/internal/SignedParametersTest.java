package receivables.payments.wallet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignedParametersTest {

    private static KeyPair merchant;
    private static KeyPair stranger;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        merchant = generator.generateKeyPair();
        stranger = generator.generateKeyPair();
    }

    @Test
    void canonicalFormSortsDropsEmptyValuesAndTheSignature() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("total_amount", "88.88");
        parameters.put("app_id", "2026");
        parameters.put("body", "");
        parameters.put("sign", "xyz");
        parameters.put("sign_type", "RSA2");
        parameters.put("out_trade_no", "INV-1");

        assertThat(SignedParameters.canonical(parameters)).isEqualTo("app_id=2026&out_trade_no=INV-1&total_amount=88.88");
    }

    @Test
    void aSignatureVerifiesOnlyWithTheRightKeyAndUnchangedParameters() {
        Map<String, String> signed = SignedParameters.sign(Map.of("out_trade_no", "INV-1", "total_amount", "10.00"),
                merchant.getPrivate());

        assertThat(SignedParameters.verify(signed, merchant.getPublic())).isTrue();
        assertThat(SignedParameters.verify(signed, stranger.getPublic())).isFalse();

        Map<String, String> tampered = new HashMap<>(signed);
        tampered.put("total_amount", "1000.00");
        assertThat(SignedParameters.verify(tampered, merchant.getPublic())).isFalse();

        Map<String, String> garbled = new HashMap<>(signed);
        garbled.put("sign", "not base64 at all!");
        assertThat(SignedParameters.verify(garbled, merchant.getPublic())).isFalse();
    }
}
