package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.TenantId;
import receivables.impl.persistence.internal.TestDatabase;

/** What the request allowances must do on every database we support; each subclass supplies one database. */
abstract class RequestThrottlesContract {

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase();

    final ManualClock time = new ManualClock();

    abstract TestDatabase testDatabase();

    RequestThrottles throttles(RequestThrottles.Limits limits) {
        RequestThrottles throttles = new RequestThrottles(testDatabase.get(), time);
        throttles.configure(limits);
        return throttles;
    }

    @Test
    void anAddressMayFailAsOftenAsItsAllowanceThenWaitsForTheRefill() {
        RequestThrottles throttles = throttles(new RequestThrottles.Limits(1_000, 10_000, 3, 5, 10));

        for (int i = 0; i < 3; i++) {
            assertThat(throttles.authenticationRefused("10.0.0.1")).isEmpty();
            assertThat(throttles.failedAuthentication("10.0.0.1")).isEmpty();
        }
        OptionalLong wait = throttles.authenticationRefused("10.0.0.1");
        assertThat(wait).hasValue(20);
        assertThat(throttles.authenticationRefused("10.0.0.2")).as("another address").isEmpty();

        time.advance(Duration.ofSeconds(20));
        assertThat(throttles.authenticationRefused("10.0.0.1")).isEmpty();
        assertThat(throttles.failedAuthentication("10.0.0.1")).isEmpty();
        assertThat(throttles.authenticationRefused("10.0.0.1")).isPresent();
    }

    @Test
    void notificationsHaveABurstAndASustainedRatePerTenantAndProvider() {
        RequestThrottles throttles = throttles(new RequestThrottles.Limits(1_000, 10_000, 3, 2, 4));
        TenantId acme = new TenantId("acme");

        for (int i = 0; i < 4; i++) {
            assertThat(throttles.notification(acme, "wallet")).isEmpty();
        }
        assertThat(throttles.notification(acme, "wallet")).hasValue(1);
        assertThat(throttles.notification(acme, "paylink")).isEmpty();
        assertThat(throttles.notification(new TenantId("other"), "wallet")).isEmpty();

        time.advance(Duration.ofSeconds(1));
        assertThat(throttles.notification(acme, "wallet")).isEmpty();
        assertThat(throttles.notification(acme, "wallet")).isEmpty();
        assertThat(throttles.notification(acme, "wallet")).isPresent();
    }

    @Test
    void newLimitsStartFromFullAllowances() {
        RequestThrottles throttles = throttles(new RequestThrottles.Limits(1_000, 10_000, 1, 1, 1));
        throttles.failedAuthentication("10.0.0.1");
        assertThat(throttles.authenticationRefused("10.0.0.1")).isPresent();

        throttles.configure(new RequestThrottles.Limits(1_000, 10_000, 5, 1, 1));

        assertThat(throttles.authenticationRefused("10.0.0.1")).isEmpty();
        assertThat(throttles.limits().failedAuthenticationsPerMinute()).isEqualTo(5);
        assertThat(throttles.failedAuthentication("10.0.0.1")).isEmpty();
        throttles.configure(new RequestThrottles.Limits(1_000, 10_000, 1, 1, 1));
        assertThat(throttles.failedAuthentication("10.0.0.1")).as("the old limits' bucket, still empty").isPresent();
    }

    @Test
    void fullAllowancesAreDeletedAndAreTheSameAsNone() {
        RequestThrottles throttles = throttles(new RequestThrottles.Limits(1_000, 10_000, 2, 1, 1));
        TenantId acme = new TenantId("acme");
        throttles.failedAuthentication("10.0.0.1");
        throttles.notification(acme, "wallet");
        assertThat(throttles.forgetFullAddresses()).as("nothing full yet").isZero();
        assertThat(throttles.forgetFull(acme)).isZero();

        time.advance(Duration.ofMinutes(1));
        assertThat(throttles.forgetFull(new TenantId("other"))).as("another tenant's rows are not its own").isZero();
        assertThat(throttles.forgetFull(acme)).isEqualTo(1);
        assertThat(throttles.forgetFullAddresses()).isEqualTo(1);

        assertThat(throttles.failedAuthentication("10.0.0.1")).isEmpty();
        assertThat(throttles.failedAuthentication("10.0.0.1")).isEmpty();
        assertThat(throttles.failedAuthentication("10.0.0.1")).as("a fresh allowance of two").isPresent();
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThatThrownBy(() -> new RequestThrottles.Limits(0, 10_000, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestThrottles.Limits(1, 10_000, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock the test moves. */
    static final class ManualClock extends Clock {

        private volatile Instant now = Instant.parse("2026-03-01T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test's clock has one zone");
        }
    }
}
