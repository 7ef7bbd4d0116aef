package receivables.impl.risk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.ParameterAveraging;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.AbsoluteLoss;

import com.oracle.labs.mlrg.olcut.util.Pair;

import receivables.api.risk.RiskFactor;

/**
 * Fits the two linear models with Tribuo's pure-Java SGD trainers (AdaGrad with parameter averaging): days late by least absolute deviation (what the
 * back-test's mean absolute error rewards), "over 90 days late or never" by logistic regression. The factors are
 * standardised here, and the fitted weights read back by feature name into a {@link LinearRisk}. Training is
 * deterministic for a given seed.
 */
final class TribuoRiskLearning {

    /** One snapshot of an installment: its factors, and what became of it as known on the training day. */
    record Example(double[] x, Integer daysLate, Boolean over90) {
    }

    static final String OVER_90 = "OVER_90";
    static final String NOT_OVER_90 = "NOT_OVER_90";
    private static final String DAYS_LATE = "DAYS_LATE";
    private static final int EPOCHS = 100;
    private static final long SEED = 20261130L;

    private TribuoRiskLearning() {
    }

    static LinearRisk fit(List<Example> examples) {
        int n = RiskFactor.values().length;
        double[] means = new double[n];
        double[] scales = new double[n];
        for (Example example : examples) {
            for (int i = 0; i < n; i++) {
                means[i] += example.x()[i] / examples.size();
            }
        }
        for (Example example : examples) {
            for (int i = 0; i < n; i++) {
                scales[i] += Math.pow(example.x()[i] - means[i], 2) / examples.size();
            }
        }
        for (int i = 0; i < n; i++) {
            // A factor that never varied carries no information: a scale of 1 keeps its weight at what it learns, 0.
            scales[i] = scales[i] > 1e-12 ? Math.sqrt(scales[i]) : 1;
        }
        LinearRisk standardising = new LinearRisk(means, scales, 0, new double[n], 0, new double[n]);
        String[] names = names();

        RegressionFactory regressors = new RegressionFactory();
        MutableDataset<Regressor> late = new MutableDataset<>(new SimpleDataSourceProvenance("days late", regressors),
                regressors);
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> over90 = new MutableDataset<>(new SimpleDataSourceProvenance("over 90", labels), labels);
        int positives = 0;
        int labelled = 0;
        for (Example example : examples) {
            double[] z = standardising.standardised(example.x());
            if (example.daysLate() != null) {
                late.add(new ArrayExample<>(new Regressor(DAYS_LATE, example.daysLate()), names, z));
            }
            if (example.over90() != null) {
                labelled++;
                positives += example.over90() ? 1 : 0;
                over90.add(new ArrayExample<>(new Label(example.over90() ? OVER_90 : NOT_OVER_90), names, z));
            }
        }

        org.tribuo.regression.sgd.linear.LinearSGDModel lateModel = (org.tribuo.regression.sgd.linear.LinearSGDModel)
                new LinearSGDTrainer(new AbsoluteLoss(), optimiser(0.5), EPOCHS, SEED).train(late);
        Map<String, Double> lateWeights = weights(lateModel.getTopFeatures(-1).get(DAYS_LATE));
        double[] lateVector = vector(lateWeights, names);

        double[] over90Vector = new double[n];
        double over90Intercept;
        if (positives == 0 || positives == labelled) {
            // One class only: nothing to tell apart, so every installment gets the smoothed share of the one class.
            over90Intercept = Math.log((positives + 1.0) / (labelled - positives + 1.0));
        } else {
            LinearSGDModel model = (LinearSGDModel) new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
                    new LogMulticlass(), optimiser(1.0), EPOCHS, SEED).train(over90);
            Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(-1);
            // Two classes under a softmax: the log-odds of OVER_90 are the difference of the two classes' scores.
            Map<String, Double> over = weights(top.get(OVER_90));
            Map<String, Double> not = weights(top.get(NOT_OVER_90));
            for (int i = 0; i < n; i++) {
                over90Vector[i] = over.getOrDefault(names[i], 0.0) - not.getOrDefault(names[i], 0.0);
            }
            over90Intercept = over.getOrDefault(Model.BIAS_FEATURE, 0.0) - not.getOrDefault(Model.BIAS_FEATURE, 0.0);
        }
        return new LinearRisk(means, scales, lateWeights.getOrDefault(Model.BIAS_FEATURE, 0.0), lateVector,
                over90Intercept, over90Vector);
    }

    /**
     * AdaGrad, its steps averaged: the last step of plain SGD depends on the order of the last examples it saw, the
     * average of all of them hardly, so that the same history gives nearly the same model in any order.
     */
    private static StochasticGradientOptimiser optimiser(double learningRate) {
        return new ParameterAveraging(new AdaGrad(learningRate, 0.1));
    }

    static String[] names() {
        RiskFactor[] factors = RiskFactor.values();
        String[] names = new String[factors.length];
        for (int i = 0; i < factors.length; i++) {
            names[i] = factors[i].name();
        }
        return names;
    }

    private static Map<String, Double> weights(List<Pair<String, Double>> pairs) {
        Map<String, Double> weights = new java.util.HashMap<>();
        for (Pair<String, Double> pair : pairs == null ? new ArrayList<Pair<String, Double>>() : pairs) {
            weights.put(pair.getA(), pair.getB());
        }
        return weights;
    }

    private static double[] vector(Map<String, Double> weights, String[] names) {
        double[] vector = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            vector[i] = weights.getOrDefault(names[i], 0.0);
        }
        return vector;
    }
}
