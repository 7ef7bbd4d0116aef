package receivables.api.channel;

import java.util.Map;
import java.util.Objects;

import receivables.api.TenantId;

/**
 * The tenant a delivery is for, with that tenant's settings for the channel: the {@code settings} entries of its
 * {@code receivables.channel.account} configuration and its {@code secrets} entries (opened, i.e. decrypted) merged
 * into one map, a key in both taken from the secrets. Empty when the tenant has no account for the channel. Read
 * them typed, e.g. with the OSGi Converter; never print or log them.
 */
public record ChannelContext(TenantId tenant, Map<String, String> settings) {

    public ChannelContext {
        Objects.requireNonNull(tenant, "tenant");
        settings = Map.copyOf(settings);
    }

    @Override
    public String toString() {
        // Settings hold secrets: never print their values.
        return "ChannelContext[tenant=" + tenant.value() + ", settings=" + settings.keySet() + "]";
    }
}
