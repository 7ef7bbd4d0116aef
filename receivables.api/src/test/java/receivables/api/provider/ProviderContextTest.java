package receivables.api.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;

class ProviderContextTest {

    /** A provider's settings, as a vendor would declare them. */
    public interface Settings {
        URI gatewayUrl();

        String merchant_key();

        default int timeoutMillis() {
            return 5_000;
        }
    }

    @Test
    void settingsConvertToTheProvidersOwnInterfaceWithItsDefaults() throws ProviderFailure {
        Settings settings = context(Map.of("gatewayUrl", "https://gateway.example/api", "merchant.key", "s3cret"))
                .settings(Settings.class);

        assertThat(settings.gatewayUrl()).isEqualTo(URI.create("https://gateway.example/api"));
        assertThat(settings.merchant_key()).isEqualTo("s3cret");
        assertThat(settings.timeoutMillis()).isEqualTo(5_000);
        assertThat(context(Map.of("gatewayUrl", "https://g.example", "merchant.key", "k", "timeoutMillis", "250"))
                .settings(Settings.class).timeoutMillis()).isEqualTo(250);
    }

    @Test
    void aMissingOrUnconvertibleSettingIsAnInvalidRequestNamingTheKeyButNeverTheValue() {
        assertThatThrownBy(() -> context(Map.of("gatewayUrl", "https://g.example")).settings(Settings.class))
                .isInstanceOfSatisfying(ProviderFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.INVALID_REQUEST))
                .hasMessage("setting merchant.key of tenant acme is not configured");
        assertThatThrownBy(() -> context(Map.of("gatewayUrl", "https://g.example", "merchant.key", "k",
                "timeoutMillis", "s3cret-ish")).settings(Settings.class))
                .hasMessage("setting timeoutMillis of tenant acme does not read as int")
                .hasMessageNotContaining("s3cret-ish");
        assertThatThrownBy(() -> context(Map.of()).settings(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsNeverShowInItsText() {
        assertThat(context(Map.of("merchant.key", "s3cret")).toString()).doesNotContain("s3cret").contains("merchant.key");
    }

    private static ProviderContext context(Map<String, String> settings) {
        return new ProviderContext(new TenantId("acme"), settings, URI.create("https://ar.example/notify"));
    }
}
