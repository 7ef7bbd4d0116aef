package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

import receivables.api.TenantId;

class RequestThrottlesTest {

    private final ManualTime time = new ManualTime();
    private final RequestThrottles throttles = new RequestThrottles(time);

    @Test
    void anAddressMayFailAsOftenAsItsAllowanceThenWaitsForTheRefill() {
        throttles.configure(new RequestThrottles.Limits(1_000, 10_000, 3, 5, 10));

        for (int i = 0; i < 3; i++) {
            assertThat(throttles.authenticationRefused("10.0.0.1")).isEmpty();
            assertThat(throttles.failedAuthentication("10.0.0.1")).isEmpty();
        }
        OptionalLong wait = throttles.authenticationRefused("10.0.0.1");
        assertThat(wait).hasValue(20);
        assertThat(throttles.failedAuthentication("10.0.0.1")).hasValue(20);
        assertThat(throttles.authenticationRefused("10.0.0.2")).as("another address").isEmpty();

        time.advance(20);
        assertThat(throttles.authenticationRefused("10.0.0.1")).isEmpty();
        assertThat(throttles.failedAuthentication("10.0.0.1")).isEmpty();
        assertThat(throttles.authenticationRefused("10.0.0.1")).isPresent();
    }

    @Test
    void notificationsHaveABurstAndASustainedRatePerTenantAndProvider() {
        throttles.configure(new RequestThrottles.Limits(1_000, 10_000, 3, 2, 4));
        TenantId acme = new TenantId("acme");

        for (int i = 0; i < 4; i++) {
            assertThat(throttles.notification(acme, "wallet")).isEmpty();
        }
        assertThat(throttles.notification(acme, "wallet")).hasValue(1);
        assertThat(throttles.notification(acme, "paylink")).isEmpty();
        assertThat(throttles.notification(new TenantId("other"), "wallet")).isEmpty();

        time.advance(1);
        assertThat(throttles.notification(acme, "wallet")).isEmpty();
        assertThat(throttles.notification(acme, "wallet")).isEmpty();
        assertThat(throttles.notification(acme, "wallet")).isPresent();
    }

    @Test
    void newLimitsStartFromFullAllowances() {
        throttles.configure(new RequestThrottles.Limits(1_000, 10_000, 1, 1, 1));
        throttles.failedAuthentication("10.0.0.1");
        assertThat(throttles.authenticationRefused("10.0.0.1")).isPresent();

        throttles.configure(new RequestThrottles.Limits(1_000, 10_000, 5, 1, 1));

        assertThat(throttles.authenticationRefused("10.0.0.1")).isEmpty();
        assertThat(throttles.limits().failedAuthenticationsPerMinute()).isEqualTo(5);
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThatThrownBy(() -> new RequestThrottles.Limits(0, 10_000, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestThrottles.Limits(1, 10_000, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLimitedBodyReadsUpToItsLimitAndNotOneByteMore() throws Exception {
        try (InputStream body = new RequestBodyLimit.LimitedBody(new ByteArrayInputStream(new byte[100]), 100)) {
            assertThat(body.readAllBytes()).hasSize(100);
        }
        try (InputStream body = new RequestBodyLimit.LimitedBody(new ByteArrayInputStream(new byte[101]), 100)) {
            assertThatThrownBy(body::readAllBytes).isInstanceOf(BodyTooLargeException.class);
        }
        try (InputStream body = new RequestBodyLimit.LimitedBody(new ByteArrayInputStream(new byte[101]), 100)) {
            body.skip(100);
            assertThatThrownBy(body::read).isInstanceOf(BodyTooLargeException.class);
        }
        assertThat(ProblemResponses.problem(new IllegalStateException(new BodyTooLargeException(100))).status()).isEqualTo(413);
    }

    @Test
    void whatAResourceLeftUnreadIsDrainedUpToTheLimit() throws Exception {
        ByteArrayInputStream within = new ByteArrayInputStream(new byte[100]);
        RequestBodyLimit.LimitedBody head = new RequestBodyLimit.LimitedBody(within, 100);
        head.readNBytes(10);
        head.drain();
        assertThat(within.available()).isZero();

        ByteArrayInputStream beyond = new ByteArrayInputStream(new byte[100_000]);
        RequestBodyLimit.LimitedBody cut = new RequestBodyLimit.LimitedBody(beyond, 100);
        cut.readNBytes(10);
        assertThatThrownBy(cut::drain).isInstanceOfSatisfying(BodyTooLargeException.class,
                e -> assertThat(e.limit()).isEqualTo(100));
        assertThat(beyond.available()).as("read no further than the limit and one buffer")
                .isGreaterThanOrEqualTo(100_000 - 100 - 8_192);
    }

    /** A clock the test moves by whole seconds. */
    private static final class ManualTime implements TimeMeter {

        private long nanos;

        void advance(long seconds) {
            nanos += TimeUnit.SECONDS.toNanos(seconds);
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
