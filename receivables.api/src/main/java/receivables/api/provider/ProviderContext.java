package receivables.api.provider;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import receivables.api.TenantId;

/**
 * The tenant a call is for, with that tenant's settings for the provider (credentials included,
 * decrypted) and the address where the channel must send its notifications.
 */
public record ProviderContext(TenantId tenant, Map<String, String> settings, URI notificationUrl) {

    public ProviderContext {
        settings = Map.copyOf(settings);
    }

    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name)).filter(value -> !value.isBlank());
    }

    /** A setting the provider cannot work without. */
    public String requiredSetting(String name) throws ProviderFailure {
        return setting(name).orElseThrow(() -> new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST,
                "setting " + name + " is not configured for tenant " + tenant.value()));
    }

    @Override
    public String toString() {
        // Settings hold secrets: never print them.
        return "ProviderContext[tenant=" + tenant.value() + ", settings=" + settings.keySet() + "]";
    }
}
