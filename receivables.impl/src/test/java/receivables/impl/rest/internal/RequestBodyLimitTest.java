package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class RequestBodyLimitTest {

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
}
