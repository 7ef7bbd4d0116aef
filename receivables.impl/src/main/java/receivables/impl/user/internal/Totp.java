package receivables.impl.user.internal;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.util.encoders.Base32;

/**
 * Time-based one-time passwords as RFC 6238 defines them and authenticator apps use them: HMAC-SHA1, six digits,
 * 30-second steps, counted from the Unix epoch. A code is accepted for the current step and the one before and after,
 * for clocks that drift and codes typed near a step's end.
 */
final class Totp {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    static final int SECRET_BYTES = 20;
    private static final int ACCEPTED_DRIFT_STEPS = 1;
    private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

    private Totp() {
    }

    /** A fresh secret, as authenticator apps take it: Base32 without padding. */
    static String newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return Base32.toBase32String(secret).replace("=", "");
    }

    /** The {@code otpauth://} URI an authenticator app reads from a QR code. */
    static String uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    /**
     * The step at which {@code code} is valid near {@code epochSecond}, or empty when it is none of the accepted steps.
     * The caller refuses a step it accepted before, so that a code seen over someone's shoulder cannot be used again.
     */
    static OptionalLong matchingStep(String secret, String code, long epochSecond) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] key = decode(secret);
        long now = Math.floorDiv(epochSecond, STEP_SECONDS);
        for (long step = now - ACCEPTED_DRIFT_STEPS; step <= now + ACCEPTED_DRIFT_STEPS; step++) {
            if (constantTimeEquals(code(key, step, DIGITS, "HmacSHA1"), code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** RFC 4226's HOTP value of {@code step}: dynamic truncation of the HMAC, as {@code digits} decimal digits. */
    static String code(byte[] key, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % POWERS[digits]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    static byte[] decode(String secret) {
        String upper = secret.toUpperCase(Locale.ROOT);
        int padding = (8 - upper.length() % 8) % 8;
        return Base32.decode(upper + "=".repeat(padding));
    }

    private static boolean constantTimeEquals(String expected, String offered) {
        int difference = expected.length() ^ offered.length();
        for (int i = 0; i < Math.min(expected.length(), offered.length()); i++) {
            difference |= expected.charAt(i) ^ offered.charAt(i);
        }
        return difference == 0;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
