package receivables.impl.risk.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import receivables.api.risk.RiskFactor;
import receivables.api.risk.RiskReason;

/**
 * A fitted model as plain numbers, so that it is stored as rows and read back by any node: each factor is
 * standardised by the training set's mean and scale, the days late are {@code lateIntercept + lateWeights·z} and the
 * log-odds of "over 90 days late or never" are {@code over90Intercept + over90Weights·z}. The contribution of a factor
 * to a score is its weight times its standardised value: how far it moves the log-odds from the average customer's.
 */
record LinearRisk(double[] means, double[] scales, double lateIntercept, double[] lateWeights, double over90Intercept,
        double[] over90Weights) {

    double[] standardised(double[] x) {
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - means[i]) / scales[i];
        }
        return z;
    }

    double daysLate(double[] x) {
        return lateIntercept + dot(lateWeights, standardised(x));
    }

    double probabilityOver90(double[] x) {
        return 1 / (1 + Math.exp(-(over90Intercept + dot(over90Weights, standardised(x)))));
    }

    /** The factors that raise the log-odds, largest first, at most {@code limit}. */
    List<RiskReason> reasons(double[] x, int limit) {
        double[] z = standardised(x);
        List<RiskReason> reasons = new ArrayList<>();
        for (RiskFactor factor : RiskFactor.values()) {
            double contribution = over90Weights[factor.ordinal()] * z[factor.ordinal()];
            if (contribution > 0) {
                reasons.add(new RiskReason(factor, x[factor.ordinal()], contribution));
            }
        }
        reasons.sort(Comparator.comparingDouble(RiskReason::contribution).reversed());
        return List.copyOf(reasons.subList(0, Math.min(limit, reasons.size())));
    }

    private static double dot(double[] w, double[] z) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * z[i];
        }
        return sum;
    }
}
