package receivables.payments.wallet.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The signing scheme of QR-code wallets in the style of Alipay and WeChat Pay: the parameters, sorted by
 * name, without the signature itself and without empty values, joined as {@code k1=v1&k2=v2}, signed
 * with RSA-SHA256 and sent Base64-encoded in the {@code sign} parameter.
 */
public final class SignedParameters {

    public static final String SIGNATURE = "sign";
    public static final String SIGNATURE_TYPE = "sign_type";
    private static final String ALGORITHM = "SHA256withRSA";

    private SignedParameters() {
    }

    /** The text that is signed: what the gateway and we must compute byte for byte alike. */
    public static String canonical(Map<String, String> parameters) {
        SortedMap<String, String> sorted = new TreeMap<>(parameters);
        return sorted.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(SIGNATURE) && !entry.getKey().equals(SIGNATURE_TYPE))
                .filter(entry -> entry.getValue() != null && !entry.getValue().isEmpty())
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
    }

    /** The parameters with {@code sign_type} and {@code sign} added. */
    public static Map<String, String> sign(Map<String, String> parameters, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(canonical(parameters).getBytes(StandardCharsets.UTF_8));
            Map<String, String> signed = new TreeMap<>(parameters);
            signed.put(SIGNATURE_TYPE, "RSA2");
            signed.put(SIGNATURE, Base64.getEncoder().encodeToString(signer.sign()));
            return signed;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** Whether {@code parameters} carry a valid signature by the holder of {@code key}'s private half. */
    public static boolean verify(Map<String, String> parameters, PublicKey key) {
        String signature = parameters.get(SIGNATURE);
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(canonical(parameters).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
