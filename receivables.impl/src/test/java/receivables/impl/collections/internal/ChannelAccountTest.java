package receivables.impl.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import receivables.api.TenantId;
import receivables.impl.provider.internal.SealedSecrets;
import receivables.impl.provider.internal.TestProviders;

/**
 * A tenant's notice-channel account as ConfigAdmin hands it over: a password in plain text is sealed where the
 * configuration is stored, the channel gets it opened, and neither the log nor the account's problems show it.
 */
class ChannelAccountTest {

    static final String PASSWORD = "smtp-Pa55word-do-not-leak";
    private final SealedSecrets secrets = TestProviders.secrets();

    @Test
    void aPlainPasswordIsSealedInTheStoredConfigurationAndOpenedForTheChannel() {
        AtomicReference<Dictionary<String, Object>> stored = new AtomicReference<>(new Hashtable<>(Map.of(
                Constants.SERVICE_PID, "receivables.channel.account~acme", "tenant", "acme", "channel", "email",
                "secrets", new String[] { "password=" + PASSWORD })));
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ConfiguredChannelAccount account;
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            account = new ConfiguredChannelAccount(secrets, configurationAdmin(stored), configuration("acme", "email",
                    new String[] { "host=smtp.acme.example", "user=ar" }, new String[] { "password=" + PASSWORD }),
                    Map.of(Constants.SERVICE_PID, "receivables.channel.account~acme"));
        } finally {
            System.setErr(err);
        }

        String[] sealed = (String[]) stored.get().get("secrets");
        assertThat(sealed).hasSize(1);
        assertThat(sealed[0]).startsWith("password={sealed}").doesNotContain(PASSWORD);
        assertThat(secrets.open(sealed[0].substring("password=".length()))).isEqualTo(PASSWORD);
        assertThat(account.of(new TenantId("acme"), "email")).isTrue();
        assertThat(account.of(new TenantId("acme"), "sms")).isFalse();
        assertThat(account.settings()).containsEntry("password", PASSWORD).containsEntry("host", "smtp.acme.example");
        assertThat(account.problem()).isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
    }

    @Test
    void anUnusableAccountHasNoSettingsAndSaysWhyWithoutTheSecret() {
        String foreign = TestProviders.secrets().seal(PASSWORD);
        for (ConfiguredChannelAccount broken : List.of(
                account("acme", "email", new String[] { "host" }, new String[0]),
                account("Not A Tenant", "email", new String[0], new String[0]),
                account("acme", "E-Mail!", new String[0], new String[0]),
                account("acme", "email", new String[0], new String[] { "password=" + foreign }))) {
            assertThat(broken.settings()).isEmpty();
            assertThat(broken.problem()).isPresent();
            assertThat(broken.problem().get()).doesNotContain(PASSWORD);
        }
    }

    /** An account whose secrets are sealed already, as the host keeps them. */
    static ConfiguredChannelAccount sealedAccount(SealedSecrets secrets, String tenant, String channel,
            Map<String, String> settings, Map<String, String> secretValues) {
        return new ConfiguredChannelAccount(secrets, null, configuration(tenant, channel,
                settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new),
                secretValues.entrySet().stream().map(e -> e.getKey() + "=" + secrets.seal(e.getValue()))
                        .toArray(String[]::new)), Map.of());
    }

    private ConfiguredChannelAccount account(String tenant, String channel, String[] settings, String[] secretValues) {
        return new ConfiguredChannelAccount(secrets, null, configuration(tenant, channel, settings, secretValues), Map.of());
    }

    static ChannelAccountConfiguration configuration(String tenant, String channel, String[] settings, String[] secrets) {
        return new ChannelAccountConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ChannelAccountConfiguration.class;
            }

            @Override
            public String tenant() {
                return tenant;
            }

            @Override
            public String channel() {
                return channel;
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

    /** ConfigAdmin holding the one configuration {@code stored}, updated in place. */
    private static ConfigurationAdmin configurationAdmin(AtomicReference<Dictionary<String, Object>> stored) {
        AtomicLong changes = new AtomicLong();
        Configuration configuration = (Configuration) Proxy.newProxyInstance(Configuration.class.getClassLoader(),
                new Class<?>[] { Configuration.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperties" -> stored.get();
                    case "getChangeCount" -> changes.get();
                    case "update" -> {
                        stored.set(args[0] instanceof Dictionary<?, ?> dictionary ? copy(dictionary) : stored.get());
                        changes.incrementAndGet();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ConfigurationAdmin) Proxy.newProxyInstance(ConfigurationAdmin.class.getClassLoader(),
                new Class<?>[] { ConfigurationAdmin.class }, (proxy, method, args) -> {
                    if (method.getName().equals("listConfigurations")) {
                        return new Configuration[] { configuration };
                    }
                    throw new UnsupportedOperationException(method.getName() + Arrays.toString(args));
                });
    }

    @SuppressWarnings("unchecked")
    private static Dictionary<String, Object> copy(Dictionary<?, ?> dictionary) {
        return (Dictionary<String, Object>) dictionary;
    }
}
