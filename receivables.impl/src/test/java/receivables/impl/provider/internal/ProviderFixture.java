package receivables.impl.provider.internal;

import java.lang.annotation.Annotation;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import receivables.api.provider.PaymentProvider;

public final class ProviderFixture {

    private ProviderFixture() {
    }

    public static SealedSecrets secrets() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SealedSecrets(key);
    }

    /** An account as ConfigAdmin would hand it over, with its secrets already sealed. */
    public static ConfiguredProviderAccount account(SealedSecrets secrets, String tenant, String provider, boolean enabled,
            Map<String, String> settings, Map<String, String> secretValues) {
        ConfiguredProviderAccount account = new ConfiguredProviderAccount();
        account.secrets = secrets;
        List<String> sealed = new ArrayList<>();
        secretValues.forEach((name, value) -> sealed.add(name + "=" + secrets.seal(value)));
        account.activate(configuration(tenant, provider, enabled,
                settings.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toArray(String[]::new),
                sealed.toArray(String[]::new)), Map.of());
        return account;
    }

    public static ProviderDirectory directory(List<PaymentProvider> providers, List<ConfiguredProviderAccount> accounts) {
        ProviderDirectory directory = new ProviderDirectory();
        directory.providers = List.copyOf(providers);
        directory.accounts = List.copyOf(accounts);
        return directory;
    }

    /** Installs or removes providers, as bundles coming and going would. */
    public static void install(ProviderDirectory directory, List<PaymentProvider> providers) {
        directory.providers = List.copyOf(providers);
    }

    static ProviderAccountConfiguration configuration(String tenant, String provider, boolean enabled, String[] settings,
            String[] secrets) {
        return new ProviderAccountConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ProviderAccountConfiguration.class;
            }

            @Override
            public String tenant() {
                return tenant;
            }

            @Override
            public String provider() {
                return provider;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String[] settings() {
                return settings;
            }

            @Override
            public String[] secrets() {
                return secrets;
            }
        };
    }
}
