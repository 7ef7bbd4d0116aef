package receivables.impl.provider.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.util.converter.Converters;

import receivables.api.provider.PaymentInstructions;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.ProviderDescription;

/** Payment-provider accounts and directories as tests want them, built through the constructors DS uses. */
public final class TestProviders {

    private TestProviders() {
    }

    public static SealedSecrets secrets() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SealedSecrets(key);
    }

    /** An account as ConfigAdmin would hand it over, with its secrets already sealed. */
    public static ConfiguredProviderAccount account(SealedSecrets secrets, String tenant, String provider, boolean enabled,
            Map<String, String> settings, Map<String, String> secretValues) {
        List<String> sealed = new ArrayList<>();
        secretValues.forEach((name, value) -> sealed.add(name + "=" + secrets.seal(value)));
        return new ConfiguredProviderAccount(secrets, null, configuration(tenant, provider, enabled,
                settings.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toArray(String[]::new),
                sealed.toArray(String[]::new)), Map.of());
    }

    /** A directory with {@code providers} installed, each with its service properties. */
    public static ProviderDirectory directory(Map<PaymentProvider, Map<String, Object>> providers,
            List<ConfiguredProviderAccount> accounts) {
        ProviderDirectory directory = new ProviderDirectory(accounts);
        install(directory, providers);
        return directory;
    }

    /** Installs or removes providers, as bundles coming and going would. */
    public static void install(ProviderDirectory directory, Map<PaymentProvider, Map<String, Object>> providers) {
        directory.providers.forEach(installed -> directory.uninstall(installed.service()));
        providers.forEach(directory::install);
    }

    /** {@link ProviderDescription} properties as DS would register them. */
    public static Map<String, Object> description(String id, String[] methods, String[] currencies,
            PaymentInstructions.Kind kind, boolean partialRefunds) {
        return Map.of(ProviderDescription.ID, id, ProviderDescription.NAME, "Provider " + id,
                ProviderDescription.METHODS, methods, ProviderDescription.CURRENCIES, currencies,
                ProviderDescription.PRESENTATIONS, new String[] { kind.name() },
                ProviderDescription.PARTIAL_REFUNDS, partialRefunds);
    }

    static ProviderAccountConfiguration configuration(String tenant, String provider, boolean enabled, String[] settings,
            String[] secrets) {
        return Converters.standardConverter().convert(Map.of("tenant", tenant, "provider", provider, "enabled", enabled,
                "settings", settings, "secrets", secrets)).to(ProviderAccountConfiguration.class);
    }
}
