package receivables.impl.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import receivables.api.TenantId;

class SealedSecretsTest {

    @Test
    void aSealedSecretOpensWithTheSameKeyOnlyAndNeverReadsAsItsPlainText() {
        SealedSecrets secrets = TestProviders.secrets();

        String sealed = secrets.seal("merchant-private-key");

        assertThat(sealed).startsWith(SealedSecrets.PREFIX).doesNotContain("merchant-private-key");
        assertThat(secrets.seal("merchant-private-key")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(secrets.open(sealed)).isEqualTo("merchant-private-key");
        assertThatThrownBy(() -> TestProviders.secrets().open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another key");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> secrets.open(tampered)).isInstanceOf(IllegalStateException.class);
        assertThat(secrets.open("not sealed yet")).isEqualTo("not sealed yet");
    }

    @Test
    void theSealCommandPrintsWhatAnAccountFileMayHoldInsteadOfThePlainSecret() {
        SealCommand command = new SealCommand();
        command.secrets = TestProviders.secrets();

        String sealed = command.seal("signing-key");

        ConfiguredProviderAccount account = new ConfiguredProviderAccount(command.secrets, null,
                TestProviders.configuration("acme", "paylink", true, new String[0],
                        new String[] { "signingKey=" + sealed }), Map.of());
        assertThat(account.settings()).containsEntry("signingKey", "signing-key");
    }

    @Test
    void theSealCommandRefusesNoSecretAndASealedOneWithASentence() {
        SealCommand command = new SealCommand();
        command.secrets = TestProviders.secrets();

        assertThat(command.seal(" ")).isEqualTo("receivables:seal: the secret is required");
        assertThat(command.seal(null)).isEqualTo("receivables:seal: the secret is required");
        assertThat(command.seal(command.seal("signing-key")))
                .isEqualTo("receivables:seal: the secret is sealed already; seal the plain secret");
    }

    @Test
    void aBundlesSecretOpensForThatBundleOnlyAndTheSealCommandSealsForIt() {
        SealedSecrets secrets = TestProviders.secrets();
        BundleSecrets rabbit = new BundleSecrets(secrets, "receivables.events.rabbitmq");

        String sealed = rabbit.seal("guest");

        assertThat(rabbit.sealed(sealed)).isTrue();
        assertThat(sealed).doesNotContain("guest");
        assertThat(rabbit.open(sealed)).isEqualTo("guest");
        assertThat(rabbit.open("guest")).as("never sealed").isEqualTo("guest");
        assertThatThrownBy(() -> new BundleSecrets(secrets, "some.other.bundle").open(sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.open(sealed)).as("not a provider secret either")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rabbit.open(secrets.seal("merchant-private-key")))
                .as("a provider secret does not open for a bundle").isInstanceOf(IllegalStateException.class);

        SealCommand command = new SealCommand();
        command.secrets = secrets;
        assertThat(rabbit.open(command.seal("guest", "receivables.events.rabbitmq"))).isEqualTo("guest");
        assertThat(command.seal("guest", " ")).isEqualTo("receivables:seal: the bundle's symbolic name is required");
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyOnFirstUseAndReadAfterwards(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("data").resolve("secret.key");
        SealedSecrets first = new SealedSecrets();
        first.activate(keyFile(file.toString()), null);
        String sealed = first.seal("s3cret");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        SealedSecrets afterRestart = new SealedSecrets();
        afterRestart.activate(keyFile(file.toString()), null);
        assertThat(afterRestart.open(sealed)).isEqualTo("s3cret");

        Path rotated = directory.resolve("data").resolve("secret-2.key");
        SealedSecrets rotating = new SealedSecrets();
        rotating.activate(keyFile(rotated.toString()), null);
        rotating.activate(keyFile(rotated.toString(), file.toString()), null);
        assertThat(rotating.open(sealed)).as("sealed under the previous key").isEqualTo("s3cret");
        assertThat(rotating.sealedWithCurrentKey(sealed)).isFalse();
        assertThat(rotating.sealedWithCurrentKey(rotating.seal("s3cret"))).isTrue();
        assertThatThrownBy(() -> rotating.activate(keyFile(rotated.toString(), "no-such.key"), null))
                .hasMessageContaining("no-such.key");

        Files.writeString(file, "too short");
        assertThatThrownBy(() -> new SealedSecrets().activate(keyFile(file.toString()), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
    }

    @Test
    void anAccountHandsItsProviderTheSecretsOpenedAndTheNotificationAddressOfItsTenant() {
        SealedSecrets secrets = TestProviders.secrets();
        ConfiguredProviderAccount account = TestProviders.account(secrets, "acme", "wallet", true,
                Map.of("appId", "2021000"), Map.of("merchantPrivateKey", "MIIE-private"));
        ProviderDirectory directory = TestProviders.directory(Map.of(), List.of(account));

        var context = directory.context(new TenantId("acme"), "wallet", java.net.URI.create("https://ar.example.com/"))
                .orElseThrow();

        assertThat(context.settings()).containsEntry("appId", "2021000").containsEntry("merchantPrivateKey", "MIIE-private");
        assertThat(context.toString()).doesNotContain("MIIE-private");
        assertThat(context.notificationUrl()).hasToString(
                "https://ar.example.com/api/v1/payments/notifications/wallet?tenant=acme");
        assertThat(directory.context(new TenantId("other"), "wallet", java.net.URI.create("http://x"))).isEmpty();
        assertThat(TestProviders.account(secrets, "acme", "Wallet!", true, Map.of(), Map.of()).problem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("provider id"));
    }

    @Test
    void aKeyThatIsBothASettingAndASecretIsReadFromTheSecrets() {
        SealedSecrets secrets = TestProviders.secrets();
        ConfiguredProviderAccount account = TestProviders.account(secrets, "acme", "paylink", true,
                Map.of("signingKey", "old-plain-copy", "pageUrl", "https://pay.example/link"),
                Map.of("signingKey", "sealed-one"));

        assertThat(account.settings()).containsEntry("signingKey", "sealed-one")
                .containsEntry("pageUrl", "https://pay.example/link").hasSize(2);
    }

    private static SecretsConfiguration keyFile(String path, String... previous) {
        return new SecretsConfiguration() {
            @Override
            public String[] previousKeyFiles() {
                return previous;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SecretsConfiguration.class;
            }

            @Override
            public String keyFile() {
                return path;
            }
        };
    }
}
