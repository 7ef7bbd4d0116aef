package receivables.impl.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import receivables.api.risk.RiskFactor;
import receivables.impl.risk.internal.TribuoRiskLearning.Example;

/**
 * The weights read back from Tribuo's models, by feature name, predict what the data was made from: the stored
 * numbers are the model.
 */
class TribuoRiskLearningTest {

    private static final int LATE = RiskFactor.DAYS_BEYOND_TERMS.ordinal();
    private static final int DUNNING = RiskFactor.DUNNING_LEVEL.ordinal();

    /**
     * Days late are 5 + the average days beyond terms + 10 per dunning level; "over 90" is exactly "dunning level 3",
     * so the logistic model must put level 3 far above level 0.
     */
    @Test
    void theLinearModelsReadBackPredictWhatTheDataWasMadeFrom() {
        Random random = new Random(7);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            double[] x = new double[RiskFactor.values().length];
            x[LATE] = random.nextDouble() * 40;
            x[DUNNING] = random.nextInt(4);
            examples.add(new Example(x, (int) Math.round(5 + x[LATE] + 10 * x[DUNNING]), x[DUNNING] == 3));
        }

        LinearRisk model = TribuoRiskLearning.fit(examples);

        assertThat(model.daysLate(vector(20, 1))).isCloseTo(35, within(2.0));
        assertThat(model.daysLate(vector(0, 3))).isCloseTo(35, within(2.0));
        assertThat(model.daysLate(vector(40, 0))).isCloseTo(45, within(2.0));
        assertThat(model.probabilityOver90(vector(10, 3))).isGreaterThan(0.8);
        assertThat(model.probabilityOver90(vector(10, 0))).isLessThan(0.2);
        assertThat(model.reasons(vector(10, 3), 3)).first()
                .satisfies(reason -> assertThat(reason.factor()).isEqualTo(RiskFactor.DUNNING_LEVEL));
    }

    /** With only one outcome there is nothing to tell apart: every installment gets the smoothed share. */
    @Test
    void oneOutcomeOnlyGivesEveryInstallmentTheSmoothedShare() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 98; i++) {
            examples.add(new Example(vector(i % 30, 0), i % 30, false));
        }
        LinearRisk model = TribuoRiskLearning.fit(examples);
        assertThat(model.probabilityOver90(vector(5, 0))).isCloseTo(1.0 / 100, within(1e-9));
    }

    private static double[] vector(double late, double dunning) {
        double[] x = new double[RiskFactor.values().length];
        x[LATE] = late;
        x[DUNNING] = dunning;
        return x;
    }
}
