package receivables.impl.user.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TotpTest {

    private static final String SHA1_SEED = "12345678901234567890";
    private static final String SHA256_SEED = "12345678901234567890123456789012";
    private static final String SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234";

    /** RFC 6238, appendix B: eight-digit codes for the three HMACs at six points in time. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826" })
    void producesTheTestVectorsOfRfc6238(long time, String sha1, String sha256, String sha512) {
        long step = time / Totp.STEP_SECONDS;
        assertThat(Totp.code(SHA1_SEED.getBytes(StandardCharsets.US_ASCII), step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED.getBytes(StandardCharsets.US_ASCII), step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED.getBytes(StandardCharsets.US_ASCII), step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void acceptsTheSixDigitCodeOfTheCurrentStepAndItsNeighboursOnly() {
        String secret = Base32.toBase32String(SHA1_SEED.getBytes(StandardCharsets.US_ASCII)).replace("=", "");
        // The last six digits of RFC 6238's 94287082 at T=59 (step 1).
        assertThat(Totp.matchingStep(secret, "287082", 59)).hasValue(1);
        assertThat(Totp.matchingStep(secret, "287082", 89)).hasValue(1);
        assertThat(Totp.matchingStep(secret, "287082", 30 * 3)).isEmpty();
        assertThat(Totp.matchingStep(secret, "287083", 59)).isEmpty();
        assertThat(Totp.matchingStep(secret, "28708", 59)).isEmpty();
        assertThat(Totp.matchingStep(secret, null, 59)).isEmpty();
    }

    @Test
    void aNewSecretIsTwentyRandomBytesInBase32AndItsUriNamesIssuerAndAccount() {
        String secret = Totp.newSecret(new SecureRandom());

        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.decode(secret)).hasSize(Totp.SECRET_BYTES);
        assertThat(Totp.uri("receivables acme", "jane@acme", secret)).isEqualTo("otpauth://totp/receivables%20acme:"
                + "jane%40acme?secret=" + secret + "&issuer=receivables%20acme&algorithm=SHA1&digits=6&period=30");
    }

    @Property(tries = 300)
    void anOfferedCodeOtherThanSixDigitsIsRefusedWithoutAnException(@ForAll String code) {
        if (!code.matches("\\d{6}")) {
            assertThat(Totp.matchingStep("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", code, 1_700_000_000L)).isEmpty();
        }
    }
}
