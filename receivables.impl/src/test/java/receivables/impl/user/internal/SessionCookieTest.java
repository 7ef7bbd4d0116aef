package receivables.impl.user.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import receivables.api.TenantId;

class SessionCookieTest {

    @Test
    void aFreshCookieNamesItsTenantCarries256RandomBitsAndReadsBack() {
        SessionCookie cookie = SessionCookie.fresh(new TenantId("acme-eu"), new SecureRandom());
        SessionCookie other = SessionCookie.fresh(new TenantId("acme-eu"), new SecureRandom());

        assertThat(cookie.value()).matches("acme-eu\\.[A-Za-z0-9_-]{43}").isNotEqualTo(other.value());
        assertThat(SessionCookie.parse(cookie.value())).contains(cookie);
        assertThat(cookie.hash()).hasSize(64).isNotEqualTo(other.hash());
        assertThat(cookie.csrfToken()).hasSize(43).isNotEqualTo(other.csrfToken());
        assertThat(cookie.csrfTokenIs(cookie.csrfToken())).isTrue();
        assertThat(cookie.csrfTokenIs(other.csrfToken())).isFalse();
        assertThat(cookie.csrfTokenIs(null)).isFalse();
        assertThat(cookie.toString()).doesNotContain(cookie.value().substring(8));
    }

    @Property(tries = 500)
    void anyPresentedValueIsReadOrIgnoredWithoutAnException(@ForAll String presented) {
        SessionCookie.parse(presented).ifPresent(cookie -> assertThat(cookie.value()).isEqualTo(presented));
        SessionCookie.parse("acme." + presented).ifPresent(cookie -> assertThat(presented).hasSize(43));
    }
}
