package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TrustedProxiesTest {

    private final TrustedProxies balancers = TrustedProxies.of(new String[] { "10.0.0.0/8", " 192.168.1.7 ", "fd00::/8", "" });

    @Test
    void behindATrustedBalancerTheClientIsTheLastAddressItDidNotAdd() {
        assertThat(balancers.client("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(balancers.client("192.168.1.7", "198.51.100.1, 203.0.113.9, 10.9.9.9"))
                .as("the hops the client wrote itself are not believed, the trusted ones are skipped")
                .isEqualTo("203.0.113.9");
        assertThat(balancers.client("fd12::1", "2001:db8::5")).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(balancers.client("10.1.2.3", null)).as("no header").isEqualTo("10.1.2.3");
        assertThat(balancers.client("10.1.2.3", "10.4.4.4, 10.5.5.5")).as("only trusted hops").isEqualTo("10.1.2.3");
    }

    @Test
    void fromAnyOtherPeerTheHeaderIsIgnored() {
        assertThat(balancers.client("203.0.113.9", "10.0.0.1")).isEqualTo("203.0.113.9");
        assertThat(balancers.client("192.168.1.8", "198.51.100.1")).as("next to a trusted address").isEqualTo("192.168.1.8");
        assertThat(TrustedProxies.of(new String[0]).client("10.1.2.3", "203.0.113.9")).isEqualTo("10.1.2.3");
    }

    @Test
    void onlyATrustedPeerSaysTheClientUsedHttps() {
        assertThat(balancers.forwardedHttps("10.1.2.3", "https")).isTrue();
        assertThat(balancers.forwardedHttps("fd12::1", " HTTPS ")).isTrue();
        assertThat(balancers.forwardedHttps("10.1.2.3", "https, http")).as("the last hop saw http").isFalse();
        assertThat(balancers.forwardedHttps("10.1.2.3", "http, https")).as("the client's own entry is not read").isTrue();
        assertThat(balancers.forwardedHttps("10.1.2.3", null)).isFalse();
        assertThat(balancers.forwardedHttps("10.1.2.3", "httpsx")).isFalse();
        assertThat(balancers.forwardedHttps("203.0.113.9", "https")).as("an untrusted peer").isFalse();
        assertThat(TrustedProxies.of(new String[0]).forwardedHttps("10.1.2.3", "https")).as("nobody trusted").isFalse();
    }

    @Test
    void aHopThatIsNoAddressEndsWhatIsBelieved() {
        for (String forwarded : new String[] { "example.com", "203.0.113.9:443", "999.1.1.1", "unknown", "", " , ",
                "203.0.113.9, localhost", "\u0000", "1.2.3.4.5", "::zz", "[2001:db8::1]", "x".repeat(10_000) }) {
            assertThat(balancers.client("10.1.2.3", forwarded)).as(forwarded).isEqualTo("10.1.2.3");
        }
    }

    @Test
    void aConfigurationEntryThatIsNoAddressOrRangeIsRefused() {
        for (String entry : new String[] { "balancer.internal", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "fd00::/129",
                "300.0.0.1" }) {
            assertThatThrownBy(() -> TrustedProxies.of(new String[] { entry })).as(entry)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trustedProxies");
        }
        assertThat(TrustedProxies.of(null).ranges()).isEmpty();
    }

    @Property(tries = 500)
    void anyHeaderGivesThePeerOrAnAddressAndNeverThrows(@ForAll String forwarded) {
        String client = balancers.client("10.1.2.3", forwarded);

        assertThat(client.equals("10.1.2.3") || TrustedProxies.literal(client).isPresent()).as(client).isTrue();
    }
}
