package receivables.impl.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import receivables.api.InvalidRequestException;

class AgingBucketLimitsTest {

    @Test
    void limitsAreAscendingDaysUpToAHundredYears() {
        assertThat(SqlAging.buckets(List.of(30, 36_500))).hasSize(4);
        for (List<Integer> limits : List.of(List.of(Integer.MAX_VALUE), List.of(30, 36_501), List.of(0), List.of(60, 30))) {
            assertThatThrownBy(() -> SqlAging.buckets(limits)).as("%s", limits)
                    .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("buckets ");
        }
    }
}
