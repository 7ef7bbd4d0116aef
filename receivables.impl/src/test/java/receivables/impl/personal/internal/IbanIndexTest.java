package receivables.impl.personal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The keyed hash that finds a payer's IBAN among customers' and earlier lines' sealed IBANs: however a bank or a
 * clerk spells one account (spaces anywhere, lower case), its index is the same, and two accounts never share one.
 */
class IbanIndexTest {

    private static final TenantCipher CIPHER = new TenantCipher("bank", new byte[32], new SecureRandom());
    private static final TenantCipher OTHER_TENANT;

    static {
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        OTHER_TENANT = new TenantCipher("other", otherKey, new SecureRandom());
    }

    @Property(tries = 500)
    void everySpellingOfOneAccountHasItsIndex(@ForAll("accounts") String account, @ForAll("spellings") List<Integer> how) {
        String spelled = spelled(account, how);

        assertThat(CIPHER.ibanIndex(spelled)).isEqualTo(CIPHER.ibanIndex(account)).hasSize(64);
        assertThat(CIPHER.ibanIndex(spelled)).isNotEqualTo(OTHER_TENANT.ibanIndex(account));
    }

    @Property(tries = 500)
    void twoAccountsNeverShareAnIndex(@ForAll("accounts") String one, @ForAll("accounts") String other,
            @ForAll("spellings") List<Integer> how) {
        Assume.that(!one.equals(other));

        assertThat(CIPHER.ibanIndex(spelled(one, how))).isNotEqualTo(CIPHER.ibanIndex(other));
    }

    @Property(tries = 100)
    void noAccountHasNoIndex(@ForAll("blanks") String blank) {
        assertThat(CIPHER.ibanIndex(blank)).isNull();
    }

    @Provide
    Arbitrary<String> accounts() {
        return Combinators.combine(Arbitraries.strings().withCharRange('A', 'Z').ofLength(2),
                Arbitraries.strings().numeric().ofLength(2),
                Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(11).ofMaxLength(30))
                .as((country, check, basic) -> country + check + basic);
    }

    /** For each character: 0 as it is, 1 in lower case, 2 a space before it, 3 both, 4 two spaces and a tab before. */
    @Provide
    Arbitrary<List<Integer>> spellings() {
        return Arbitraries.integers().between(0, 4).list().ofMinSize(0).ofMaxSize(34);
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(" \t\n").ofMaxLength(5).injectNull(0.2);
    }

    private static String spelled(String account, List<Integer> how) {
        StringBuilder spelled = new StringBuilder(" ");
        for (int i = 0; i < account.length(); i++) {
            int way = i < how.size() ? how.get(i) : 0;
            String c = account.substring(i, i + 1);
            spelled.append(way >= 2 ? (way == 4 ? "  \t" : " ") : "").append(way % 2 == 1 ? c.toLowerCase(Locale.ROOT) : c);
        }
        return spelled.append(' ').toString();
    }
}
