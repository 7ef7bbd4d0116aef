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

    /** What a tenant's wallet account needs to check a notification. */
    public interface NotificationSettings {
        String appId();

        /** Base64 X.509 of the key the gateway signs with. */
        String gatewayPublicKey();
    }

    /** A tenant's wallet account, from its provider account's settings ({@code merchantPrivateKey} a secret). */
    public interface Settings extends NotificationSettings {
        String gatewayUrl();

        /** Base64 PKCS#8. */
        String merchantPrivateKey();

        default long connectTimeoutMillis() {
            return DEFAULT_CONNECT_TIMEOUT_MILLIS;
        }

        default long requestTimeoutMillis() {
            return DEFAULT_REQUEST_TIMEOUT_MILLIS;
        }

        default long qrLifetimeMinutes() {
            return DEFAULT_QR_LIFETIME_MINUTES;
        }
    }

    static WalletAccount of(ProviderContext context) throws ProviderFailure {
        Settings settings = context.settings(Settings.class);
        return new WalletAccount(required(APP_ID, settings.appId()), gatewayUrl(settings.gatewayUrl()),
                merchantKey(required(MERCHANT_PRIVATE_KEY, settings.merchantPrivateKey())),
                gatewayKey(settings.gatewayPublicKey()),
                Duration.ofMillis(positive(CONNECT_TIMEOUT, settings.connectTimeoutMillis())),
                Duration.ofMillis(positive(REQUEST_TIMEOUT, settings.requestTimeoutMillis())),
                Duration.ofMinutes(positive(QR_LIFETIME, settings.qrLifetimeMinutes())));
    }

    /** The key the gateway signs with; what {@code verify} needs without the rest of the account. */
    static PublicKey gatewayKey(String encoded) throws ProviderFailure {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decode(
                    required(GATEWAY_PUBLIC_KEY, encoded))));
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

    private static URI gatewayUrl(String value) throws ProviderFailure {
        required(GATEWAY_URL, value);
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

    private static String required(String name, String value) throws ProviderFailure {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is blank");
        }
        return value;
    }

    private static long positive(String name, long value) throws ProviderFailure {
        if (value <= 0) {
            throw invalid(name + " must be a positive whole number: " + value);
        }
        return value;
    }

    // PEM bodies are often pasted with their line breaks.
    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static ProviderFailure invalid(String message) {
        return new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "wallet setting " + message);
    }
}
