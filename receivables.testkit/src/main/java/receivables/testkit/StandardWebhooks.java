package receivables.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an integrator's receiver checks a webhook delivery, written from the Standard Webhooks specification (not from
 * receivables' signer), for tests on either side: strip {@code whsec_} and base64-decode the rest into the key;
 * HMAC-SHA256 over {@code id.timestamp.body}; the header holds space-separated {@code v1,<base64>} signatures, one of
 * which must match (compared in constant time); a timestamp more than {@link #TOLERANCE} off is refused against
 * replays.
 */
public final class StandardWebhooks {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooks() {
    }

    /**
     * Whether a delivery is signed with {@code secret}.
     *
     * @param secret          the subscription's secret, {@code whsec_<base64>}
     * @param id              the {@code webhook-id} header
     * @param timestamp       the {@code webhook-timestamp} header, seconds since the epoch
     * @param signatureHeader the {@code webhook-signature} header
     * @param body            the request body as received
     * @param now             the receiver's clock
     */
    public static boolean verify(String secret, String id, String timestamp, String signatureHeader, String body, Instant now)
            throws Exception {
        if (secret == null || !secret.startsWith("whsec_") || id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String versioned : signatureHeader.split(" ")) {
            String[] parts = versioned.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }
}
