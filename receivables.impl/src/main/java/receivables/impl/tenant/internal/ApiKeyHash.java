package receivables.impl.tenant.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a tenant's configuration stores of an API key: {@code {hmac-sha256}<salt>:<mac>}, the HMAC-SHA256 of the key
 * under a random 16-byte salt, both base64. A fast salted hash is enough here, unlike for passwords: keys are long
 * random values ({@code receivables:new-key} makes 256-bit ones), so guessing one from its hash is hopeless however
 * fast the hash, while a deliberately slow password hash would be paid on every API request, and would make
 * failed authentications an easy way to burn the host's CPU. The salt makes equal keys hash differently.
 */
record ApiKeyHash(byte[] salt, byte[] mac) {

    static final String PREFIX = "{hmac-sha256}";
    private static final int SALT_BYTES = 16;
    private static final int MAC_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    ApiKeyHash {
        if (salt.length != SALT_BYTES || mac.length != MAC_BYTES) {
            throw new IllegalArgumentException("an API key hash holds a " + SALT_BYTES + "-byte salt and a " + MAC_BYTES
                    + "-byte HMAC-SHA256");
        }
    }

    /** The hash of {@code key} under a fresh salt. */
    static ApiKeyHash of(String key, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new ApiKeyHash(salt, mac(salt, key));
    }

    /** Whether {@code value}, as configured, is a hash rather than a key in clear. */
    static boolean isHash(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The hash in {@code value}, or empty when it is not a well-formed one. */
    static Optional<ApiKeyHash> parse(String value) {
        if (!isHash(value)) {
            return Optional.empty();
        }
        String[] parts = value.substring(PREFIX.length()).trim().split(":", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ApiKeyHash(Base64.getDecoder().decode(parts[0]), Base64.getDecoder().decode(parts[1])));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Whether {@code key} is the key this is the hash of, in time that does not depend on where they differ. */
    boolean matches(String key) {
        return MessageDigest.isEqual(mac, mac(salt, key));
    }

    @Override
    public String toString() {
        return PREFIX + ENCODER.encodeToString(salt) + ":" + ENCODER.encodeToString(mac);
    }

    private static byte[] mac(byte[] salt, String key) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return hmac.doFinal(key.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
