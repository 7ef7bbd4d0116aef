package receivables.impl.personal.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import receivables.impl.crypto.internal.AesGcm;

/**
 * One tenant's personal data key at work: seals values for storage (AES-256-GCM, a fresh nonce per value, the tenant
 * as associated data so that a value copied into another tenant's row does not open), opens them, and indexes them
 * for lookups with a keyed hash (HMAC-SHA256 under a key derived from the data key), so that equal values can be found
 * without storing them in clear.
 */
public final class TenantCipher {

    /** What a sealed value starts with; anything else is read as it is (a value stored before encryption). */
    public static final String PREFIX = "pd1:";

    private final String tenant;
    private final byte[] associated;
    private final SecretKey dataKey;
    private final SecretKey indexKey;
    private final SecureRandom random;

    TenantCipher(String tenant, byte[] dataKey, SecureRandom random) {
        this.tenant = tenant;
        this.associated = tenant.getBytes(StandardCharsets.UTF_8);
        this.dataKey = new SecretKeySpec(dataKey, "AES");
        this.indexKey = new SecretKeySpec(hmac(new SecretKeySpec(dataKey, "HmacSHA256"),
                "receivables personal data index"), "HmacSHA256");
        this.random = random;
    }

    /** The sealed form of {@code plain}; {@code null} stays {@code null}. */
    public String seal(String plain) {
        return plain == null ? null : PREFIX + Base64.getEncoder().encodeToString(
                AesGcm.seal(dataKey, associated, plain.getBytes(StandardCharsets.UTF_8), random));
    }

    /** The plain form of a stored value. */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            return new String(AesGcm.open(dataKey, associated, Base64.getDecoder().decode(stored.substring(PREFIX.length()))),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException("a personal data value of tenant " + tenant
                    + " does not open with its key: it was changed or copied from elsewhere");
        }
    }

    /** The keyed hash of an already normalized value, hex; {@code null} stays {@code null}. */
    public String index(String normalized) {
        return normalized == null ? null : HexFormat.of().formatHex(hmac(indexKey, normalized));
    }

    /**
     * The keyed hash of an IBAN however it is written (spaces, lower case): every spelling of one account, a
     * customer's or a statement payer's, has the same index. {@code null} or blank gives {@code null}.
     */
    public String ibanIndex(String iban) {
        return index(normalizedIban(iban));
    }

    /** An IBAN without its spaces, in capitals; {@code null} for none. */
    public static String normalizedIban(String iban) {
        return iban == null || iban.isBlank() ? null : iban.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static byte[] hmac(SecretKey key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "TenantCipher[" + tenant + "]";
    }
}
