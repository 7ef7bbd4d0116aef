package receivables.api.channel;

import java.util.Map;
import java.util.Objects;

import receivables.api.TenantId;

/**
 * The tenant a delivery is for, with that tenant's settings for the channel: the {@code settings} entries of its
 * {@code receivables.channel.account} configuration and its {@code secrets} entries (opened, i.e. decrypted) merged
 * into one map, a key in both taken from the secrets. Empty when the tenant has no account for the channel. Read
 * them typed ({@link #text}, {@link #number}, or the OSGi Converter); never print or log them.
 */
public record ChannelContext(TenantId tenant, Map<String, String> settings) {

    public ChannelContext {
        Objects.requireNonNull(tenant, "tenant");
        settings = Map.copyOf(settings);
    }

    /** The setting without surrounding white space, or {@code otherwise} when it is missing or blank. */
    public String text(String key, String otherwise) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    /**
     * A whole-number setting, or {@code otherwise} when it is missing or blank.
     *
     * @throws IllegalArgumentException naming the key (never its value) when it is not a number from min to max
     */
    public int number(String key, int otherwise, int min, int max) {
        String value = text(key, null);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number from " + min + " to " + max);
        }
    }

    @Override
    public String toString() {
        // Settings hold secrets: never print their values.
        return "ChannelContext[tenant=" + tenant.value() + ", settings=" + settings.keySet() + "]";
    }
}
