package receivables.testkit;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import receivables.api.TenantId;
import receivables.api.provider.ProviderContext;

/**
 * A {@link ProviderContext} as the core hands it to a provider: tenant {@code acme}, the settings and opened
 * secrets given, and the notification address the core gives the channel for the provider
 * ({@code https://ar.example/api/v1/payments/notifications/<provider>?tenant=<tenant>}).
 */
public final class ProviderContextBuilder {

    private String tenant = "acme";
    private String provider = "test";
    private final Map<String, String> settings = new LinkedHashMap<>();
    private URI notificationUrl;

    private ProviderContextBuilder() {
    }

    /** A context for the provider with this id, without settings yet. */
    public static ProviderContextBuilder forProvider(String providerId) {
        ProviderContextBuilder builder = new ProviderContextBuilder();
        builder.provider = Objects.requireNonNull(providerId, "providerId");
        return builder;
    }

    /** The same tenant, settings and notification address as {@code context}, to change a few. */
    public static ProviderContextBuilder from(ProviderContext context) {
        ProviderContextBuilder builder = new ProviderContextBuilder();
        builder.tenant = context.tenant().value();
        builder.settings.putAll(context.settings());
        builder.notificationUrl = context.notificationUrl();
        return builder;
    }

    public ProviderContextBuilder tenant(String value) {
        tenant = value;
        return this;
    }

    /** A setting or an opened secret: the provider cannot tell them apart, as in the core. */
    public ProviderContextBuilder setting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    public ProviderContextBuilder settings(Map<String, String> values) {
        settings.putAll(values);
        return this;
    }

    public ProviderContextBuilder without(String key) {
        settings.remove(key);
        return this;
    }

    public ProviderContextBuilder withoutSettings() {
        settings.clear();
        return this;
    }

    public ProviderContextBuilder notificationUrl(URI value) {
        notificationUrl = value;
        return this;
    }

    public ProviderContext build() {
        URI url = notificationUrl != null ? notificationUrl : URI.create("https://ar.example/api/v1/payments/notifications/"
                + URLEncoder.encode(provider, StandardCharsets.UTF_8) + "?tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8));
        return new ProviderContext(new TenantId(tenant), settings, url);
    }
}
