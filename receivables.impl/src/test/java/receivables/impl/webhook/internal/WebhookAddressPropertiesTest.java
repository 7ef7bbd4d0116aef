package receivables.impl.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any text as a webhook's address: refused with a reason, or an http(s) URL with a host and nothing hidden in it. */
class WebhookAddressPropertiesTest {

    @Property(tries = 2000)
    void anyTextIsRefusedOrIsAPlainHttpUrl(@ForAll("addresses") String url) {
        Optional<String> problem = WebhookAddress.problem(url, false);
        if (problem.isEmpty()) {
            URI uri = URI.create(url);
            assertThat(uri.getScheme().toLowerCase()).isIn("http", "https");
            assertThat(uri.getRawUserInfo()).isNull();
            assertThat(uri.getRawFragment()).isNull();
            assertThat(uri.getHost()).isNotBlank();
        } else {
            assertThat(problem.get()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void literalAddressesOfInternalNetworksAreRefused(@ForAll("internal") String host) {
        assertThat(WebhookAddress.problem("https://" + host + "/hook", false)).isPresent();
        assertThat(WebhookAddress.problem("https://" + host + "/hook", true)).isEmpty();
    }

    @Example
    void retriesWaitTwiceAsLongEachTimeUpToSixHours() {
        WebhookRules rules = new WebhookRules(Duration.ofSeconds(10), 12, Duration.ofSeconds(10), false);
        assertThat(rules.waitAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(rules.waitAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(rules.waitAfter(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(rules.waitAfter(20)).isEqualTo(WebhookRules.LONGEST_WAIT);
        assertThat(rules.waitAfter(Integer.MAX_VALUE)).isEqualTo(WebhookRules.LONGEST_WAIT);
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "HTTPS://", "ftp://", "file://", "javascript:",
                "", "//", "http:/");
        Arbitrary<String> rest = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> host = Arbitraries.of("example.com", "user:pw@example.com", "127.0.0.1", "[::1]", "10.0.0.7",
                "hooks.example.com:8443", "", "169.254.169.254", "例子.公司");
        return Arbitraries.oneOf(rest, net.jqwik.api.Combinators.combine(scheme, host, rest).as((s, h, r) -> s + h + "/" + r));
    }

    @Provide
    Arbitrary<String> internal() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Arbitraries.oneOf(
                octet.list().ofSize(3).map(o -> "10." + o.get(0) + "." + o.get(1) + "." + o.get(2)),
                octet.list().ofSize(2).map(o -> "192.168." + o.get(0) + "." + o.get(1)),
                octet.list().ofSize(3).map(o -> "127." + o.get(0) + "." + o.get(1) + "." + o.get(2)),
                octet.list().ofSize(2).map(o -> "169.254." + o.get(0) + "." + o.get(1)),
                Arbitraries.integers().between(16, 31).map(b -> "172." + b + ".1.1"),
                Arbitraries.of("[::1]", "[fe80::1]", "[fd12:3456::1]", "0.0.0.0", "[::]", "[::ffff:127.0.0.1]"));
    }
}
