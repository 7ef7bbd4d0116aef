package receivables.impl.user.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PasswordHashTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void verifiesAHashMadeByTheArgon2ReferenceImplementation() {
        // echo -n password | argon2 somesalt -id -t 2 -m 10 -p 1 -l 32 -e
        PasswordHash reference = PasswordHash.parse(
                "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHQ$7FfsnA6vUe7qLpL/3Kqc3uR48ZJyFbUVt7jWZlf0Htk").orElseThrow();

        assertThat(reference.matches("password")).isTrue();
        assertThat(reference.matches("Password")).isFalse();
        assertThat(reference.weakerThanCurrent()).isTrue();
    }

    @Test
    void aFreshHashIsSaltedAndReadsBackFromItsEncoding() {
        PasswordHash first = PasswordHash.of("correct horse battery staple", random);
        PasswordHash second = PasswordHash.of("correct horse battery staple", random);

        assertThat(first.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(second.encoded());
        PasswordHash read = PasswordHash.parse(first.encoded()).orElseThrow();
        assertThat(read).isEqualTo(first);
        assertThat(read.matches("correct horse battery staple")).isTrue();
        assertThat(read.matches("correct horse battery stapl")).isFalse();
        assertThat(read.weakerThanCurrent()).isFalse();
        assertThat(first.toString()).doesNotContain(first.encoded().substring(30));
    }

    @Test
    void refusesHashesOfOtherAlgorithmsOrOutsideTheCostBounds() {
        assertThat(PasswordHash.parse("$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"))
                .isEmpty();
        assertThat(PasswordHash.parse("$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$7FfsnA6vUe7qLpL/3Kqc3uR48ZJyFbUVt7jWZlf0Htk"))
                .isEmpty();
        assertThat(PasswordHash.parse("$argon2id$v=19$m=1024,t=0,p=1$c29tZXNhbHQ$7FfsnA6vUe7qLpL/3Kqc3uR48ZJyFbUVt7jWZlf0Htk"))
                .isEmpty();
        assertThat(PasswordHash.parse(null)).isEmpty();
    }

    @Property(tries = 200)
    void anyStoredTextEitherParsesOrIsRefusedWithoutAnException(@ForAll String stored) {
        assertThat(PasswordHash.parse(stored)).satisfiesAnyOf(
                parsed -> assertThat(parsed).isEmpty(),
                parsed -> assertThat(parsed.get().encoded()).startsWith("$argon2id$"));
    }
}
