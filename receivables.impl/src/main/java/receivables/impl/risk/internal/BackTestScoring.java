package receivables.impl.risk.internal;

import java.util.Arrays;

/** The measures of a back-test, over predictions and what happened. */
final class BackTestScoring {

    private BackTestScoring() {
    }

    /** The mean absolute difference, in days, between predicted and actual days late. */
    static double meanAbsoluteError(int[] predicted, int[] actual) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(predicted[i] - actual[i]);
        }
        return sum / actual.length;
    }

    /** The mean squared difference between the probabilities and the outcomes (1 or 0). */
    static double brier(double[] probabilities, boolean[] outcomes) {
        double sum = 0;
        for (int i = 0; i < outcomes.length; i++) {
            sum += Math.pow(probabilities[i] - (outcomes[i] ? 1 : 0), 2);
        }
        return sum / outcomes.length;
    }

    /**
     * The area under the ROC curve: the chance that a positive gets a higher probability than a negative, ties
     * counting half (Mann-Whitney, by average ranks). Both outcomes must occur.
     */
    static double auc(double[] probabilities, boolean[] outcomes) {
        int n = outcomes.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[a], probabilities[b]));
        double[] ranks = new double[n];
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && probabilities[order[j + 1]] == probabilities[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        long positives = 0;
        double rankSum = 0;
        for (int i = 0; i < n; i++) {
            if (outcomes[i]) {
                positives++;
                rankSum += ranks[i];
            }
        }
        long negatives = n - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }
}
