package receivables.payments.wallet.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderFailure;

/**
 * A tenant's account at the wallet gateway, read from its provider settings. Messages about a bad key name
 * the setting, never its value.
 */
record WalletAccount(String appId, URI gatewayUrl, PrivateKey merchantKey, PublicKey gatewayKey,
        Duration connectTimeout, Duration requestTimeout, Duration qrLifetime) {

    static final String APP_ID = "appId";
    static final String GATEWAY_URL = "gatewayUrl";
    static final String MERCHANT_PRIVATE_KEY = "merchantPrivateKey";
    static final String GATEWAY_PUBLIC_KEY = "gatewayPublicKey";
    static final String CONNECT_TIMEOUT = "connectTimeoutMillis";
    static final String REQUEST_TIMEOUT = "requestTimeoutMillis";
    static final String QR_LIFETIME = "qrLifetimeMinutes";

    static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 15_000;
    static final long DEFAULT_QR_LIFETIME_MINUTES = 120;

    static WalletAccount of(ProviderContext context) throws ProviderFailure {
        return new WalletAccount(context.requiredSetting(APP_ID), gatewayUrl(context),
                merchantKey(context.requiredSetting(MERCHANT_PRIVATE_KEY)), gatewayKey(context),
                Duration.ofMillis(positive(context, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT_MILLIS)),
                Duration.ofMillis(positive(context, REQUEST_TIMEOUT, DEFAULT_REQUEST_TIMEOUT_MILLIS)),
                Duration.ofMinutes(positive(context, QR_LIFETIME, DEFAULT_QR_LIFETIME_MINUTES)));
    }

    /** The key the gateway signs with; what {@code verify} needs without the rest of the account. */
    static PublicKey gatewayKey(ProviderContext context) throws ProviderFailure {
        String encoded = context.requiredSetting(GATEWAY_PUBLIC_KEY);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decode(encoded)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid(GATEWAY_PUBLIC_KEY + " is not a Base64 X.509 RSA public key");
        }
    }

    private static PrivateKey merchantKey(String encoded) throws ProviderFailure {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(decode(encoded)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid(MERCHANT_PRIVATE_KEY + " is not a Base64 PKCS#8 RSA private key");
        }
    }

    private static URI gatewayUrl(ProviderContext context) throws ProviderFailure {
        String value = context.requiredSetting(GATEWAY_URL);
        try {
            URI url = new URI(value.trim());
            if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
                throw invalid(GATEWAY_URL + " must be an http or https URL: " + value);
            }
            return url;
        } catch (URISyntaxException e) {
            throw invalid(GATEWAY_URL + " is not a URL: " + value);
        }
    }

    private static long positive(ProviderContext context, String name, long fallback) throws ProviderFailure {
        Optional<String> value = context.setting(name);
        if (value.isEmpty()) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value.get().trim());
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number <= 0) {
            throw invalid(name + " must be a positive whole number: " + value.get());
        }
        return number;
    }

    // PEM bodies are often pasted with their line breaks.
    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static ProviderFailure invalid(String message) {
        return new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "wallet setting " + message);
    }
}
