package receivables.impl.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.impl.audit.internal.CallerScope;
import receivables.impl.audit.internal.ConfigurationActors;
import receivables.impl.tenant.internal.InMemoryConfigurationAdmin;

/** A tenant admin's provider accounts as configurations, against an in-memory ConfigurationAdmin. */
class ProviderAccountConfigurationsTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId OTHER = new TenantId("other");
    private static final String SECRET = "the-merchant-private-key-4711";

    private final InMemoryConfigurationAdmin configurations = new InMemoryConfigurationAdmin();
    private final SealedSecrets secrets = new SealedSecrets(new byte[32]);
    private final ProviderAccountConfigurations accounts = new ProviderAccountConfigurations(configurations.admin(), secrets,
            new ConfigurationActors(new CallerScope()));

    @Test
    void anAccountIsStoredWithItsSecretsSealedAndListedWithTheirNamesOnly() {
        ProviderAccount created = accounts.create(ACME, new ProviderAccountChange("wallet", null,
                Map.of("gatewayUrl", "https://gateway.example/api"), Map.of("merchantPrivateKey", SECRET)));

        assertThat(created).isEqualTo(new ProviderAccount("wallet", true, Map.of("gatewayUrl", "https://gateway.example/api"),
                List.of("merchantPrivateKey")));
        Dictionary<String, Object> stored = configurations.stored().get(ProviderAccountConfiguration.FACTORY_PID + "~acme.wallet");
        assertThat(stored.get("tenant")).isEqualTo("acme");
        assertThat(stored.get("settings")).isEqualTo(new String[] { "gatewayUrl=https://gateway.example/api" });
        String sealed = ((String[]) stored.get("secrets"))[0];
        assertThat(sealed).startsWith("merchantPrivateKey={sealed}").doesNotContain(SECRET);
        assertThat(AccountSecrets.merged("acme/wallet", (String[]) stored.get("settings"), (String[]) stored.get("secrets"),
                secrets)).containsEntry("merchantPrivateKey", SECRET);
        assertThat(accounts.list(ACME)).containsExactly(created);
        assertThat(accounts.list(ACME).toString()).doesNotContain(SECRET).doesNotContain("{sealed}");
        assertThat(accounts.list(OTHER)).isEmpty();
        assertThatThrownBy(() -> accounts.create(ACME, new ProviderAccountChange("wallet", true, Map.of(), Map.of())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aBlankSecretKeepsItsValueAndALeftOutOneIsGone() {
        accounts.create(ACME, new ProviderAccountChange("wallet", true, Map.of("appId", "A-1"),
                Map.of("merchantPrivateKey", SECRET, "apiToken", "token-1")));
        String sealedBefore = secretEntry("merchantPrivateKey");

        Map<String, String> kept = new HashMap<>();
        kept.put("merchantPrivateKey", "");
        ProviderAccount changed = accounts.change(ACME, "wallet", new ProviderAccountChange(null, false, Map.of("appId", "A-2"), kept));

        assertThat(changed).isEqualTo(new ProviderAccount("wallet", false, Map.of("appId", "A-2"), List.of("merchantPrivateKey")));
        assertThat(secretEntry("merchantPrivateKey")).isEqualTo(sealedBefore);
        assertThat(configurations.stored().get(ProviderAccountConfiguration.FACTORY_PID + "~acme.wallet").get("tenant"))
                .isEqualTo("acme");

        accounts.change(ACME, "wallet", new ProviderAccountChange("wallet", true, Map.of(), Map.of("merchantPrivateKey", "new-key")));
        assertThat(secrets.open(secretEntry("merchantPrivateKey"))).isEqualTo("new-key");
    }

    @Test
    void aSecretStoredInClearByTheConsoleIsSealedWhenTheAccountIsSavedAgain() {
        accounts.create(ACME, new ProviderAccountChange("wallet", true, Map.of(), Map.of()));
        Dictionary<String, Object> console = configurations.stored().get(ProviderAccountConfiguration.FACTORY_PID + "~acme.wallet");
        console.put("secrets", "apiToken=" + SECRET);

        accounts.change(ACME, "wallet", new ProviderAccountChange(null, true, Map.of(), Map.of("apiToken", " ")));

        assertThat(secretEntry("apiToken")).startsWith("{sealed}");
        assertThat(secrets.open(secretEntry("apiToken"))).isEqualTo(SECRET);
    }

    @Test
    void everyFieldAtFaultIsNamedAndNothingIsStored() {
        Map<String, String> settings = new HashMap<>();
        settings.put("url", "line one\nline two");
        settings.put("bad key", "x");
        settings.put("token", "t");
        settings.put("empty", null);
        Map<String, String> given = new HashMap<>();
        given.put("token", "also a secret");
        given.put("newKey", "");
        assertThatThrownBy(() -> accounts.create(ACME, new ProviderAccountChange("Not A Provider", true, settings, given)))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.violations())
                        .extracting(FieldViolation::field).containsExactlyInAnyOrder("provider", "settings.url", "settings",
                                "settings.empty", "secrets.token", "secrets.newKey"));
        assertThatThrownBy(() -> accounts.create(ACME, new ProviderAccountChange(null, null, null, null)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("provider");
        assertThatThrownBy(() -> accounts.create(ACME, null)).isInstanceOf(InvalidRequestException.class);
        assertThat(configurations.stored()).isEmpty();
    }

    @Test
    void anotherTenantsAccountIsNotFound() {
        accounts.create(OTHER, new ProviderAccountChange("wallet", true, Map.of(), Map.of()));

        assertThatThrownBy(() -> accounts.change(ACME, "wallet", new ProviderAccountChange(null, true, Map.of(), Map.of())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.delete(ACME, "wallet")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.change(ACME, "wallet)(tenant=*", null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.change(OTHER, "wallet", new ProviderAccountChange("bank-transfer", true, null, null)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("provider");
        assertThat(accounts.delete(OTHER, "wallet").provider()).isEqualTo("wallet");
        assertThat(configurations.stored()).isEmpty();
    }

    /** Whatever a client sends is stored as sent or refused naming a field, and a refusal stores nothing. */
    @Property(tries = 300)
    void anyValuesAreStoredOrRefusedNamingAField(@ForAll String provider, @ForAll String key, @ForAll String value,
            @ForAll String secret) {
        InMemoryConfigurationAdmin fresh = new InMemoryConfigurationAdmin();
        ProviderAccountConfigurations hostile = new ProviderAccountConfigurations(fresh.admin(), secrets,
                new ConfigurationActors(new CallerScope()));
        try {
            ProviderAccount stored = hostile.create(ACME, new ProviderAccountChange(provider, true, Map.of(key, value),
                    Map.of("s" + key, secret)));
            assertThat(stored.settings()).containsEntry(key, value);
            assertThat(hostile.list(ACME)).containsExactly(stored);
            String entry = ((String[]) fresh.stored().values().iterator().next().get("secrets"))[0];
            String sealed = entry.substring(entry.indexOf('=') + 1);
            assertThat(secrets.sealed(sealed)).isTrue();
            assertThat(secrets.open(sealed)).isEqualTo(secret);
        } catch (InvalidRequestException refused) {
            assertThat(refused.violations()).isNotEmpty();
            assertThat(fresh.stored()).isEmpty();
        }
    }

    private String secretEntry(String name) {
        String[] entries = (String[]) configurations.stored().get(ProviderAccountConfiguration.FACTORY_PID + "~acme.wallet")
                .get("secrets");
        return Arrays.stream(entries).filter(entry -> entry.startsWith(name + "=")).findFirst().orElseThrow()
                .substring(name.length() + 1);
    }
}
