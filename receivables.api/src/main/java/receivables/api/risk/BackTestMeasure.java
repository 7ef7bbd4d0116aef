package receivables.api.risk;

/** One measure of a back-test, for the model and for the naive baseline, and which way is better. */
public record BackTestMeasure(double model, double baseline, boolean lowerIsBetter) {

    /** Whether the model did better than the baseline. */
    public boolean modelWins() {
        return lowerIsBetter ? model < baseline : model > baseline;
    }
}
