package receivables.impl.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Random;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;

class ApiKeyHashTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aHashMatchesItsKeyAndNoOtherAndSurvivesItsWrittenForm() {
        Random keys = new Random(9);
        for (int i = 0; i < 500; i++) {
            String key = randomText(keys, 16 + keys.nextInt(80));
            ApiKeyHash hash = ApiKeyHash.of(key, random);
            ApiKeyHash read = ApiKeyHash.parse(hash.toString()).orElseThrow();

            assertThat(read.matches(key)).as(key).isTrue();
            assertThat(read.matches(key + "x")).isFalse();
            assertThat(read.matches(key.substring(1))).isFalse();
            assertThat(hash.toString()).startsWith("{hmac-sha256}").doesNotContain(key);
        }
    }

    @Test
    void theSameKeyHashesDifferentlyEachTime() {
        assertThat(ApiKeyHash.of("same-key-0123456789", random).toString())
                .isNotEqualTo(ApiKeyHash.of("same-key-0123456789", random).toString());
    }

    @Test
    void malformedHashesAreNotRead() {
        String good = ApiKeyHash.of("some-key-0123456789", random).toString();
        assertThat(ApiKeyHash.parse("some-key-0123456789")).isEmpty();
        assertThat(ApiKeyHash.parse("{hmac-sha256}")).isEmpty();
        assertThat(ApiKeyHash.parse("{hmac-sha256}abc")).isEmpty();
        assertThat(ApiKeyHash.parse("{hmac-sha256}!!:??")).isEmpty();
        assertThat(ApiKeyHash.parse(good + ":more")).isEmpty();
        assertThat(ApiKeyHash.parse(good.substring(0, good.length() - 4))).isEmpty();
        assertThat(ApiKeyHash.parse(null)).isEmpty();
    }

    @Test
    void aTenantTakesHashesAndClearKeysAndRefusesAMalformedHash() {
        String hash = new HashKeyCommand()._main("hashed-key-0123456789");
        TenantDirectory directory = TestTenants.directory(TestTenants.tenant(new TenantId("alpha"),
                "apiKeys", new String[] { hash, "clear-key-0123456789" }));

        assertThat(directory.authenticate("alpha", "hashed-key-0123456789")).isPresent();
        assertThat(directory.authenticate("alpha", "clear-key-0123456789")).isPresent();
        assertThat(directory.authenticate("alpha", hash)).as("the hash is no key").isEmpty();
        assertThatThrownBy(() -> TestTenants.tenant(new TenantId("alpha"),
                "apiKeys", new String[] { "{hmac-sha256}broken" }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not of the form");
    }

    @Test
    void theCommandMakesNewKeysThatMatchTheHashItPrints() {
        String[] printed = new HashKeyCommand()._main().split("\n");
        String key = printed[0].substring("key:".length()).trim();
        String hash = printed[1].substring("hash:".length()).trim();

        assertThat(key).hasSizeGreaterThanOrEqualTo(43);
        assertThat(ApiKeyHash.parse(hash).orElseThrow().matches(key)).isTrue();
        assertThat(new HashKeyCommand().hashKey()).as("the same under its camel-case name").startsWith("key:  ");
    }

    @Test
    void theCommandRefusesAShortKeyWithASentence() {
        assertThat(new HashKeyCommand()._main("short"))
                .isEqualTo("receivables:hashKey: an API key has at least 16 characters");
        assertThat(new HashKeyCommand().hashKey(null)).isEqualTo(new HashKeyCommand()._main("short"));
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x2FF80) : 0x20 + random.nextInt(0x5F);
            if (Character.isDefined(codePoint) && !Character.isSurrogate((char) codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }
}
