package receivables.api.provider;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

import org.osgi.util.converter.ConversionException;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

import receivables.api.TenantId;

/**
 * The tenant a call is for, with that tenant's settings for the provider and the address where the channel must
 * send its notifications.
 *
 * <p>The settings are the tenant's {@code receivables.provider.account} configuration: its {@code settings}
 * entries and its {@code secrets} entries (opened, i.e. decrypted), merged into one map. A key that is in both is
 * taken from {@code secrets}, and the account logs a warning naming the key (never the value), so a value moved
 * into the secrets never leaks through a forgotten plain copy. Read them typed with {@link #settings(Class)}.
 *
 * @param settings        settings and opened secrets, by key; never print them
 * @param notificationUrl where the channel must report, e.g. {@code https://ar.example.com/api/v1/payments/notifications/wallet?tenant=acme}
 */
public record ProviderContext(TenantId tenant, Map<String, String> settings, URI notificationUrl) {

    private static final Converter CONVERTER = Converters.standardConverter();

    public ProviderContext {
        Objects.requireNonNull(tenant, "tenant");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(notificationUrl, "notificationUrl");
    }

    /**
     * The settings as the provider's own public interface, converted by the OSGi Converter: each method without
     * parameters reads the key of its name ({@code pageUrl()} reads {@code pageUrl}; {@code signing_key()} reads
     * {@code signing.key}) converted to its return type; a {@code default} method gives the value for a missing
     * key. Every method is read once here, so a missing or unconvertible value fails now, naming the key and the
     * expected type but never the value.
     *
     * @throws ProviderFailure of kind {@link ProviderFailure.Kind#INVALID_REQUEST} when a value without default
     *         is missing or does not convert: final until someone fixes the tenant's account
     */
    public <T> T settings(Class<T> type) throws ProviderFailure {
        if (!type.isInterface() || !Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException(type.getName() + " is not a public interface");
        }
        T typed = CONVERTER.convert(settings).to(type);
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() > 0 || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            try {
                method.invoke(typed);
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ConversionException || cause instanceof IllegalArgumentException) {
                    String key = key(method.getName());
                    throw new ProviderFailure(ProviderFailure.Kind.INVALID_REQUEST, "setting " + key + " of tenant "
                            + tenant.value() + (settings.containsKey(key) ? " does not read as "
                            + method.getReturnType().getSimpleName() : " is not configured"));
                }
                throw new IllegalStateException("reading setting " + key(method.getName()) + " failed", cause);
            }
        }
        return typed;
    }

    /** The key the Converter reads for a method: {@code _} stands for a dot, {@code __} for an underscore. */
    private static String key(String methodName) {
        return methodName.replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }

    @Override
    public String toString() {
        // Settings hold secrets: never print them.
        return "ProviderContext[tenant=" + tenant.value() + ", settings=" + settings.keySet() + "]";
    }
}
