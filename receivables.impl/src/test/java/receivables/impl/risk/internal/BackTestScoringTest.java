package receivables.impl.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The back-test's measures against figures worked out by hand. */
class BackTestScoringTest {

    /**
     * Positives at 0.8 and 0.4, negatives at 0.4, 0.3 and 0.1: of the six pairs, 0.8 beats all three, 0.4 beats two
     * and ties one (half): (3 + 2.5) / 6.
     */
    @Test
    void aucCountsTiesAsHalf() {
        assertThat(BackTestScoring.auc(new double[] { 0.8, 0.4, 0.4, 0.3, 0.1 },
                new boolean[] { true, true, false, false, false })).isCloseTo(5.5 / 6, within(1e-12));
        assertThat(BackTestScoring.auc(new double[] { 0.2, 0.2, 0.2 }, new boolean[] { true, false, false }))
                .as("a constant says nothing").isEqualTo(0.5);
    }

    /** (0.2² + 0.6² + 0²) / 3 and (|3 - 1| + |-2 - 0| + |10 - 16|) / 3. */
    @Test
    void brierAndMeanAbsoluteError() {
        assertThat(BackTestScoring.brier(new double[] { 0.8, 0.6, 0 }, new boolean[] { true, false, false }))
                .isCloseTo(0.40 / 3, within(1e-12));
        assertThat(BackTestScoring.meanAbsoluteError(new int[] { 3, -2, 10 }, new int[] { 1, 0, 16 }))
                .isCloseTo(10.0 / 3, within(1e-12));
    }
}
